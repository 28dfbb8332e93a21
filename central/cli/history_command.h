// `anpr-cli history PLATE --reason WHY`: where and when a plate was seen.
// Looking up someone's movements must be accountable, so a search without a
// reason is refused before the database is touched, and every search is
// audited by the store in the transaction that reads the rows
// (central/store/history.h).
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> history_commands();

}  // namespace anpr::cli
