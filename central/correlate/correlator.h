// The one entry point of correlation: given a new sighting and the previous
// sighting of the same plate, decide what they mean together (a border
// crossing, an impossible journey) and which configured rules the new
// sighting sets off.
//
// There is no correlation state in memory. The sightings table is the state:
// for each new sighting the ingest path looks up the plate's previous
// sighting (one batched query for a whole batch) and calls evaluate(), so a
// restart, a second central process or a replayed batch loses and invents
// nothing. docs/correlation.md describes the lookup.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "central/correlate/crossing.h"
#include "central/correlate/impossible_travel.h"
#include "central/correlate/rules.h"
#include "central/correlate/sighting.h"
#include "central/correlate/site_catalog.h"

namespace anpr::correlate {

struct CorrelationOptions {
  CrossingOptions crossing;
  ImpossibleTravelOptions impossible_travel;

  // The confidence below which a sighting can never take part in a pair,
  // so the previous-sighting lookup can skip such reads: otherwise one
  // misread between two good reads would hide the pair.
  double lookup_min_confidence() const;
};

// What the caller looks up besides the previous sighting.
struct SightingContext {
  // Local minute of the capture time in the border's time zone.
  int local_minute_of_day = 0;
  // Crossing::to_at_us of the plate's stored crossings, at least
  // RuleSet::crossing_lookback_us() back from the sighting; empty when that
  // is 0. A crossing evaluate() finds now is counted without being listed.
  std::vector<int64_t> recent_crossings_us;
};

struct Findings {
  std::optional<Crossing> crossing;
  std::optional<ImpossibleTravel> impossible_travel;
  std::vector<RuleHit> rule_hits;

  bool empty() const { return !crossing && !impossible_travel && rule_hits.empty(); }
};

// Throws std::invalid_argument when `previous` is of another plate text:
// the lookup is by plate, so that is a bug in the caller, not data.
//
// An impossible journey is not also a crossing: the two reads are then not
// one vehicle's trip. A replayed sighting (same event id) pairs with
// nothing.
Findings evaluate(const std::optional<Sighting>& previous, const Sighting& current, const SiteCatalog& catalog,
                  const CorrelationOptions& options, const RuleSet& rules, const SightingContext& context);

}  // namespace anpr::correlate
