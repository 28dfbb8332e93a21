// Haversine distance; see geo.h.
#include "central/correlate/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace anpr::correlate {

namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

}  // namespace

double haversine_km(const GeoPoint& a, const GeoPoint& b) {
  double dlat = radians(b.lat_deg - a.lat_deg);
  double dlon = radians(b.lon_deg - a.lon_deg);
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(radians(a.lat_deg)) * std::cos(radians(b.lat_deg)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  // Rounding can push h a hair above 1 for near-antipodal points.
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(h, 1.0)));
}

}  // namespace anpr::correlate
