// `anpr-cli watchlist ...`: create lists, add and remove entries, list them,
// and exchange whole lists as CSV. Every change is written to the audit log
// in the transaction that makes it, with the acting user and a reason.
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> watchlist_commands();

}  // namespace anpr::cli
