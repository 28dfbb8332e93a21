// Border crossings: the same plate read at a site of one country and then at
// a site of another within a window. This is what lets the police of both
// countries see one picture of who went from LV to LT and back, which
// neither country's system can see alone.
//
// Only confident reads with trusted clocks count: a misread that happens to
// equal a plate seen across the border must not put a vehicle where it was
// not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "central/correlate/duration_text.h"
#include "central/correlate/sighting.h"
#include "central/correlate/site_catalog.h"

namespace anpr::correlate {

struct CrossingOptions {
  // Longest time between the two sightings that still counts as one trip.
  int64_t window_us = 6 * kMicrosPerHour;
  // Reads below this on either side are ignored.
  double min_confidence = 0.8;
};

// Field for field what the crossings table stores.
struct Crossing {
  std::string plate_text;
  std::string from_event_id;
  std::string from_site_id;
  std::string from_country;
  int64_t from_at_us = 0;
  std::string to_event_id;
  std::string to_site_id;
  std::string to_country;
  int64_t to_at_us = 0;

  int64_t travel_time_us() const { return to_at_us - from_at_us; }
};

// The crossing between `a` and `b`, taken in capture-time order whichever
// is passed first, or nothing: not pairable (sighting.h), a read below the
// confidence threshold, a site not in the catalog, both sites in one
// country, or further apart in time than the window widened by both clocks'
// error bounds.
std::optional<Crossing> detect_crossing(const Sighting& a, const Sighting& b, const SiteCatalog& catalog,
                                        const CrossingOptions& options);

// "LV→LT: grenctale-1 to salociai-1 in 40 min", for the alert's explanation.
std::string explain(const Crossing& crossing);

}  // namespace anpr::correlate
