// `watchlist add` options to an Entry; see entry_options.h.
#include "central/cli/entry_options.h"

#include <sstream>

#include "central/cli/cli_errors.h"
#include "central/cli/option_values.h"
#include "central/watchlist/watchlist_csv.h"

namespace anpr::cli {

namespace {

// One CSV record with every field quoted. Not csv::write_record: that one
// guards spreadsheets by prefixing values starting with = + - @ with an
// apostrophe, which would alter a reason typed here.
std::string quoted_record(const std::vector<std::string>& fields) {
  std::string line;
  for (const std::string& field : fields) {
    if (!line.empty()) line += ',';
    line += '"';
    for (char c : field) line += c == '"' ? std::string("\"\"") : std::string(1, c);
    line += '"';
  }
  return line + "\n";
}

}  // namespace

watchlist::Entry entry_from_options(const std::string& list, const std::string& plate, const Arguments& args) {
  auto time_column = [&](const char* option) {
    std::optional<std::string> v = args.value(option);
    return v ? time_text(parse_time(*v, std::string("--") + option)) : std::string();
  };
  const std::vector<std::string> header = {"list",   "plate",      "country",    "fuzzy",       "reason",      "priority",
                                           "agency", "visibility", "valid_from", "valid_until", "active_hours"};
  const std::vector<std::string> row = {list,
                                        plate,
                                        args.value("country").value_or(""),
                                        args.flag("fuzzy") ? "true" : "false",
                                        args.value("reason").value_or(""),
                                        args.value("priority").value_or(""),
                                        args.value("agency").value_or(""),
                                        args.flag("restricted") ? "restricted" : "shared",
                                        time_column("valid-from"),
                                        time_column("valid-until"),
                                        args.value("hours").value_or("")};
  std::stringstream file(quoted_record(header) + quoted_record(row));
  const std::string source = "watchlist add";
  try {
    return watchlist::read_csv(file, source).at(0);
  } catch (const watchlist::CsvImportError& e) {
    // "watchlist add:2: column 'priority': ..." -> "watchlist add: column 'priority': ..."
    std::string message = e.what();
    const std::string row_prefix = source + ":2: ";
    if (message.rfind(row_prefix, 0) == 0) message = source + ": " + message.substr(row_prefix.size());
    throw UsageError(message);
  }
}

}  // namespace anpr::cli
