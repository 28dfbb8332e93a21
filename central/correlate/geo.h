// Great-circle distance between two WGS84 positions. Sites are at most a few
// hundred kilometres apart, where the spherical haversine formula is within
// 0.5 % of the ellipsoidal distance: far finer than the speed threshold it
// feeds, so no geodesy library is needed.
#pragma once

namespace anpr::correlate {

struct GeoPoint {
  double lat_deg = 0;
  double lon_deg = 0;
};

// Mean Earth radius (IUGG), the usual choice for the haversine formula.
inline constexpr double kEarthRadiusKm = 6371.0088;

double haversine_km(const GeoPoint& a, const GeoPoint& b);

}  // namespace anpr::correlate
