// Time and id option values; see option_values.h. The time grammar is the
// watchlist CSV's (central/watchlist/watchlist_csv.h), so a time copied from
// an export works on the command line and back.
#include "central/cli/option_values.h"

#include <algorithm>
#include <stdexcept>

#include "central/cli/cli_errors.h"
#include "central/watchlist/watchlist_csv.h"

namespace anpr::cli {

int64_t parse_time(const std::string& text, std::string_view option) {
  const bool date_only = text.size() == 10;
  try {
    return watchlist::parse_utc(date_only ? text + "T00:00:00Z" : text);
  } catch (const std::invalid_argument&) {
    throw UsageError(std::string(option) + " must be a UTC time like 2026-11-25T08:00:00Z or a date like 2026-11-25, got '" +
                     text + "'");
  }
}

std::string time_text(int64_t us) { return watchlist::format_utc(us); }

void check_identifier(const std::string& value, std::string_view what) {
  const bool ok = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!ok) throw UsageError(std::string(what) + " '" + value + "' may hold only a-z, 0-9 and '-'");
}

}  // namespace anpr::cli
