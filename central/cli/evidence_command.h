// `anpr-cli evidence EVENT_ID --reason WHY`: the plate patch and overview
// image of one sighting (an event id from `history` or an alert), written to
// files for a case. The images live in central's evidence segments
// (docs/evidence-format.md), so this runs where that directory can be read;
// the lookup is audited like a plate search (central/store/evidence_lookup.h)
// and every image is checked end to end before it is written.
#pragma once

#include <vector>

#include "central/cli/command.h"

namespace anpr::cli {

std::vector<Command> evidence_commands();

}  // namespace anpr::cli
