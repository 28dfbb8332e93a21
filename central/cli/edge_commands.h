// `anpr-cli edge ...`: enrol an edge box's public key in the central's
// allow-list, revoke keys, list them. The key file is read with the
// transport layer's loader, so a file the edge could not use either (not a
// ZeroMQ certificate, a malformed key) is refused here, before it can be
// enrolled (docs/security.md describes enrolment and rotation).
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> edge_commands();

}  // namespace anpr::cli
