// Which watchlist entries a sighting hits. The read itself and each of the
// edge's alternative readings are matched (docs/protocol.md: candidates are
// there so that a misread listed plate is still caught), at the capture
// time, with active hours in border local time. An entry hit through
// several readings counts once, with its closest match.
#pragma once

#include <vector>

#include "anpr/v1/sighting.pb.h"
#include "central/watchlist/watchlist_index.h"

namespace anpr::alerts {

// Highest priority first, then the closest match, then entry id.
std::vector<watchlist::Hit> watchlist_hits(const watchlist::Index& index, const v1::Sighting& sighting);

// The Alert's match_distance: one per other edit, half one per OCR-equivalent
// substitution (a confusable pair like 0/O is a likelier misread than any
// other character), 0 for an identical read.
float match_distance(const plate::MatchResult& match);

}  // namespace anpr::alerts
