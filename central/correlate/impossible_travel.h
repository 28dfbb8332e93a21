// Impossible travel: one plate read at two places too far apart for the time
// between the reads. Either two vehicles carry the same number (a cloned or
// forged plate, a common way to move a stolen car across the border) or one
// of the reads is wrong; both are worth an officer's look.
//
// Every doubt goes to the driver: both reads must be confident, sites closer
// than a minimum distance are never compared (site coordinates and the
// cameras' reach are not exact), and the clocks' possible error is added to
// the elapsed time before the speed is worked out, so the speed reported is
// the lowest the vehicle could have needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "central/correlate/duration_text.h"
#include "central/correlate/sighting.h"
#include "central/correlate/site_catalog.h"

namespace anpr::correlate {

struct ImpossibleTravelOptions {
  // Above any sustained speed on the region's roads, so only two vehicles
  // (or a misread) can explain it.
  double max_speed_kmh = 200;
  // Below this the distance is within the uncertainty of site positions.
  double min_distance_km = 5;
  // Added to the elapsed time on top of the edges' own error bounds.
  int64_t clock_tolerance_us = 60 * kMicrosPerSecond;
  // Stricter than for crossings: this finding suggests a crime.
  double min_confidence = 0.9;
};

struct ImpossibleTravel {
  std::string plate_text;
  std::string first_event_id;  // the earlier sighting
  std::string first_site_id;
  int64_t first_at_us = 0;
  std::string second_event_id;
  std::string second_site_id;
  int64_t second_at_us = 0;
  double distance_km = 0;
  int64_t elapsed_us = 0;  // between the capture times, as recorded
  // Over the elapsed time plus every tolerance: the least the vehicle would
  // have needed. Infinite only when the tolerances are all zero and the times
  // equal.
  double implied_speed_kmh = 0;
};

// The finding for `a` and `b` (in either order), or nothing: not pairable
// (sighting.h), a read below the confidence threshold, a site not in the
// catalog, sites closer than the minimum distance, or a speed at or below the
// maximum.
std::optional<ImpossibleTravel> detect_impossible_travel(const Sighting& a, const Sighting& b,
                                                         const SiteCatalog& catalog,
                                                         const ImpossibleTravelOptions& options);

// "possible cloned plate: 277 km from karsava-1 to vilnius-1 in 10 min, at
// least 1188 km/h", for the alert's explanation.
std::string explain(const ImpossibleTravel& finding);

}  // namespace anpr::correlate
