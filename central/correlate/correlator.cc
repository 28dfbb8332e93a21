// Correlation of one sighting with the plate's previous one; see correlator.h.
#include "central/correlate/correlator.h"

#include <algorithm>
#include <stdexcept>

namespace anpr::correlate {

double CorrelationOptions::lookup_min_confidence() const {
  return std::min(crossing.min_confidence, impossible_travel.min_confidence);
}

Findings evaluate(const std::optional<Sighting>& previous, const Sighting& current, const SiteCatalog& catalog,
                  const CorrelationOptions& options, const RuleSet& rules, const SightingContext& context) {
  Findings findings;
  if (previous) {
    if (previous->plate_text != current.plate_text) {
      throw std::invalid_argument("correlate::evaluate: the previous sighting is of plate '" + previous->plate_text +
                                  "', the current one of '" + current.plate_text + "'");
    }
    findings.impossible_travel = detect_impossible_travel(*previous, current, catalog, options.impossible_travel);
    if (!findings.impossible_travel) findings.crossing = detect_crossing(*previous, current, catalog, options.crossing);
  }

  std::vector<int64_t> crossings = context.recent_crossings_us;
  if (findings.crossing) crossings.push_back(findings.crossing->to_at_us);
  RuleInput input{current, catalog.find(current.site_id), context.local_minute_of_day, crossings};
  findings.rule_hits = rules.evaluate(input);
  return findings;
}

}  // namespace anpr::correlate
