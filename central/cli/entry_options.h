// The options of `watchlist add` as a watchlist entry. They are put through
// the watchlist CSV reader (central/watchlist/watchlist_csv.h) as a one-row
// file, so an entry typed on the command line obeys exactly the rules of an
// imported one (plate normalisation, country, priority, hours, validity) and
// the two can never drift apart. Pure: no database.
#pragma once

#include <string>

#include "central/cli/arguments.h"
#include "central/watchlist/watchlist_entry.h"

namespace anpr::cli {

// Reads --country, --fuzzy, --reason, --priority, --agency, --restricted,
// --valid-from, --valid-until and --hours. Throws UsageError naming the CSV
// column and the value at fault.
watchlist::Entry entry_from_options(const std::string& list, const std::string& plate, const Arguments& args);

}  // namespace anpr::cli
