// Crossing detection; see crossing.h.
#include "central/correlate/crossing.h"

namespace anpr::correlate {

std::optional<Crossing> detect_crossing(const Sighting& a, const Sighting& b, const SiteCatalog& catalog,
                                        const CrossingOptions& options) {
  if (!pairable(a, b)) return std::nullopt;
  if (a.read_confidence < options.min_confidence || b.read_confidence < options.min_confidence) return std::nullopt;
  const Sighting& first = a.captured_at_us <= b.captured_at_us ? a : b;
  const Sighting& second = &first == &a ? b : a;
  const Site* from = catalog.find(first.site_id);
  const Site* to = catalog.find(second.site_id);
  if (from == nullptr || to == nullptr || from->country == to->country) return std::nullopt;
  if (second.captured_at_us - first.captured_at_us > options.window_us + clock_slack_us(a, b)) return std::nullopt;
  return Crossing{first.plate_text, first.event_id, from->id, from->country, first.captured_at_us,
                  second.event_id,  to->id,         to->country, second.captured_at_us};
}

std::string explain(const Crossing& crossing) {
  return crossing.from_country + "\u2192" + crossing.to_country + ": " + crossing.from_site_id + " to " +
         crossing.to_site_id + " in " + duration_text(crossing.travel_time_us());
}

}  // namespace anpr::correlate
