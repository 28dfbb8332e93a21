// Watchlist CSV import and export; see watchlist_csv.h.
#include "central/watchlist/watchlist_csv.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <map>

#include "common/csv/csv.h"
#include "common/plate/plate_error.h"
#include "common/plate/plate_text.h"

namespace anpr::watchlist {

namespace {

const std::vector<std::string> kColumns = {"list",       "plate",      "country",     "fuzzy",
                                           "reason",     "priority",   "agency",      "visibility",
                                           "valid_from", "valid_until", "active_hours"};

constexpr int64_t kOpenStart = std::numeric_limits<int64_t>::min();
constexpr int64_t kOpenEnd = std::numeric_limits<int64_t>::max();

int parse_int(const std::string& text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw std::invalid_argument("must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

int parse_clock(const std::string& text) {
  int h = 0, m = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
      (h == 24 && m != 0)) {
    throw std::invalid_argument("expected HH:MM-HH:MM, got '" + text + "'");
  }
  return h * 60 + m;
}

ActiveHours parse_hours(const std::string& text) {
  auto dash = text.find('-');
  if (dash == std::string::npos) throw std::invalid_argument("expected HH:MM-HH:MM, got '" + text + "'");
  return {parse_clock(text.substr(0, dash)), parse_clock(text.substr(dash + 1))};
}

std::string format_clock(int minutes) {
  std::string out = std::to_string(minutes / 60 + 100).substr(1) + ":" + std::to_string(minutes % 60 + 100).substr(1);
  return out;
}

// Fills one field of `entry` from its column.
void apply(Entry& entry, const std::string& column, const std::string& value) {
  if (column == "list") {
    if (value.empty()) throw std::invalid_argument("is required");
    entry.list = value;
  } else if (column == "plate") {
    auto normalised = plate::normalise_pattern(value);
    if (!normalised.clean()) throw std::invalid_argument("'" + value + "' has characters no plate has: " + normalised.rejected);
    if (normalised.text.empty()) throw std::invalid_argument("is required");
    entry.pattern = normalised.text;
  } else if (column == "country") {
    if (!value.empty() && (value.size() != 2 || !std::all_of(value.begin(), value.end(), ::isupper))) {
      throw std::invalid_argument("must be an ISO 3166 alpha-2 code such as LV, got '" + value + "'");
    }
    entry.country = value;
  } else if (column == "fuzzy") {
    if (value != "" && value != "true" && value != "false") {
      throw std::invalid_argument("must be true or false, got '" + value + "'");
    }
    entry.fuzzy = value == "true";
  } else if (column == "reason") {
    entry.reason = value;
  } else if (column == "priority") {
    entry.priority = value.empty() ? 2 : parse_int(value, 1, 4);
  } else if (column == "agency") {
    entry.agency = value;
  } else if (column == "visibility") {
    if (value.empty() || value == "shared") entry.visibility = Visibility::kShared;
    else if (value == "restricted") entry.visibility = Visibility::kRestricted;
    else throw std::invalid_argument("must be shared or restricted, got '" + value + "'");
  } else if (column == "valid_from") {
    entry.valid_from_us = value.empty() ? kOpenStart : parse_utc(value);
  } else if (column == "valid_until") {
    entry.valid_until_us = value.empty() ? kOpenEnd : parse_utc(value);
  } else if (column == "active_hours") {
    if (value.empty()) entry.active_hours.reset();
    else entry.active_hours = parse_hours(value);
  }
}

}  // namespace

int64_t parse_utc(const std::string& text) {
  std::tm tm{};
  char z = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &z, &extra) != 7 ||
      z != 'Z' || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    throw std::invalid_argument("expected a UTC time like 2026-11-25T08:00:00Z, got '" + text + "'");
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm)) * 1'000'000;
}

std::string format_utc(int64_t us) {
  std::time_t seconds = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::vector<Entry> read_csv(std::istream& in, const std::string& source) {
  csv::Reader reader(in);
  std::vector<std::string> header, row;
  auto fail = [&](std::size_t line, const std::string& problem) -> CsvImportError {
    return CsvImportError(source + ":" + std::to_string(line) + ": " + problem);
  };
  try {
    if (!reader.next(header)) throw fail(1, "empty file: expected a header row");
    for (const auto& column : header) {
      if (std::find(kColumns.begin(), kColumns.end(), column) == kColumns.end()) {
        throw fail(reader.line(), "unknown column '" + column + "'");
      }
      if (std::count(header.begin(), header.end(), column) > 1) throw fail(reader.line(), "column '" + column + "' appears twice");
    }
    for (const char* required : {"list", "plate"}) {
      if (std::find(header.begin(), header.end(), required) == header.end()) {
        throw fail(reader.line(), std::string("missing column '") + required + "'");
      }
    }
    std::vector<Entry> entries;
    while (reader.next(row)) {
      if (row.size() == 1 && row[0].empty()) continue;
      if (row.size() != header.size()) {
        throw fail(reader.line(), "has " + std::to_string(row.size()) + " fields, the header has " +
                                      std::to_string(header.size()));
      }
      Entry entry;
      for (std::size_t i = 0; i < header.size(); ++i) {
        try {
          apply(entry, header[i], row[i]);
        } catch (const std::invalid_argument& e) {
          throw fail(reader.line(), "column '" + header[i] + "': " + e.what());
        }
      }
      if (entry.valid_until_us <= entry.valid_from_us) throw fail(reader.line(), "valid_until is not after valid_from");
      entries.push_back(std::move(entry));
    }
    return entries;
  } catch (const csv::CsvError& e) {
    throw CsvImportError(source + ":" + e.what());
  }
}

void write_csv(std::ostream& out, const std::vector<Entry>& entries) {
  csv::write_record(out, kColumns);
  for (const auto& e : entries) {
    csv::write_record(
        out, {e.list, e.pattern, e.country, e.fuzzy ? "true" : "false", e.reason, std::to_string(e.priority), e.agency,
              e.visibility == Visibility::kShared ? "shared" : "restricted",
              e.valid_from_us == kOpenStart ? "" : format_utc(e.valid_from_us),
              e.valid_until_us == kOpenEnd ? "" : format_utc(e.valid_until_us),
              e.active_hours ? format_clock(e.active_hours->start_minute) + "-" + format_clock(e.active_hours->end_minute)
                             : ""});
  }
}

}  // namespace anpr::watchlist
