// One anpr-cli subcommand as the dispatcher sees it: the words that name it,
// its usage line, the options it reads, how many positional arguments it
// takes, and the function that runs it. Each command module lists its own,
// so an option is declared next to the code that reads it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "central/cli/arguments.h"
#include "central/cli/session.h"

namespace anpr::cli {

struct Command {
  std::vector<std::string> words;  // {"watchlist", "add"}
  std::string usage;               // after "anpr-cli ", e.g. "watchlist remove ENTRY_ID --reason WHY"
  std::string summary;             // one line for the command list
  std::vector<OptionSpec> options;  // besides the global --db, --user, --help
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
  // Returns the exit status; throws UsageError or any other exception.
  int (*run)(const Arguments& args, Session& session) = nullptr;
};

}  // namespace anpr::cli
