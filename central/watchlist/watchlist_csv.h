// Watchlists as CSV, the format agencies exchange lists in and edit in a
// spreadsheet. One header row naming the columns (any order; unknown columns
// are an error, so a misspelt one is not silently dropped), then one entry
// per row:
//
//   list,plate,country,fuzzy,reason,priority,agency,visibility,valid_from,
//   valid_until,active_hours
//
// plate is normalised on import (separators, case and Cyrillic look-alikes);
// times are ISO 8601 UTC ("2026-11-25T08:00:00Z"), empty = open-ended;
// active_hours is "HH:MM-HH:MM" local time, empty = always; visibility is
// shared or restricted; priority 1..4; fuzzy is true or false (a fuzzy entry
// takes its list's OCR tolerance, which lives with the list, not the file).
// Only list and plate are required.
#pragma once

#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "central/watchlist/watchlist_entry.h"

namespace anpr::watchlist {

class CsvImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads every row; the first bad row stops the import with a CsvImportError
// naming `source`, the line, the column and the problem, so a partly wrong
// file is never half-imported. Entry ids are left 0 (the store assigns them).
std::vector<Entry> read_csv(std::istream& in, const std::string& source);

// Writes the header and one row per entry; read_csv reads it back.
void write_csv(std::ostream& out, const std::vector<Entry>& entries);

// "2026-11-25T08:00:00Z" <-> microseconds since the epoch.
int64_t parse_utc(const std::string& text);
std::string format_utc(int64_t us);

}  // namespace anpr::watchlist
