// Impossible-travel detection; see impossible_travel.h.
#include "central/correlate/impossible_travel.h"

#include <cmath>
#include <limits>

#include "central/correlate/geo.h"

namespace anpr::correlate {

std::optional<ImpossibleTravel> detect_impossible_travel(const Sighting& a, const Sighting& b,
                                                         const SiteCatalog& catalog,
                                                         const ImpossibleTravelOptions& options) {
  if (!pairable(a, b)) return std::nullopt;
  if (a.read_confidence < options.min_confidence || b.read_confidence < options.min_confidence) return std::nullopt;
  const Sighting& first = a.captured_at_us <= b.captured_at_us ? a : b;
  const Sighting& second = &first == &a ? b : a;
  const Site* first_site = catalog.find(first.site_id);
  const Site* second_site = catalog.find(second.site_id);
  if (first_site == nullptr || second_site == nullptr) return std::nullopt;
  double distance_km = haversine_km(first_site->position, second_site->position);
  if (distance_km < options.min_distance_km) return std::nullopt;

  int64_t elapsed_us = second.captured_at_us - first.captured_at_us;
  int64_t allowed_us = elapsed_us + options.clock_tolerance_us + clock_slack_us(a, b);
  double hours = static_cast<double>(allowed_us) / static_cast<double>(kMicrosPerHour);
  double speed_kmh = hours > 0 ? distance_km / hours : std::numeric_limits<double>::infinity();
  if (speed_kmh <= options.max_speed_kmh) return std::nullopt;
  return ImpossibleTravel{first.plate_text, first.event_id,  first_site->id, first.captured_at_us,
                          second.event_id,  second_site->id, second.captured_at_us,
                          distance_km,      elapsed_us,      speed_kmh};
}

std::string explain(const ImpossibleTravel& finding) {
  std::string speed = std::isinf(finding.implied_speed_kmh)
                          ? std::string("at the same moment")
                          : "at least " + std::to_string(std::lround(finding.implied_speed_kmh)) + " km/h";
  return "possible cloned plate: " + std::to_string(std::lround(finding.distance_km)) + " km from " +
         finding.first_site_id + " to " + finding.second_site_id + " in " + duration_text(finding.elapsed_us) +
         ", " + speed;
}

}  // namespace anpr::correlate
