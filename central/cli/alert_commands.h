// `anpr-cli alerts ...`: following the live PUB feed (alert_follow.h),
// listing stored alerts, and recording an officer's decision on one, audited
// in the same transaction.
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> alert_commands();

}  // namespace anpr::cli
