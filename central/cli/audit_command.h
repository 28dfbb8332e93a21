// `anpr-cli audit`: the audit log for oversight, filtered by time, person or
// plate, newest first.
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> audit_commands();

}  // namespace anpr::cli
