// Distances between sites and the duration text of explanations.
#include <gtest/gtest.h>

#include "central/correlate/duration_text.h"
#include "central/correlate/geo.h"

namespace {

using namespace anpr::correlate;

TEST(Haversine, SamePointIsZero) { EXPECT_DOUBLE_EQ(haversine_km({56.37, 24.248}, {56.37, 24.248}), 0.0); }

TEST(Haversine, OneDegreeOfLatitude) { EXPECT_NEAR(haversine_km({0, 0}, {1, 0}), 111.195, 0.001); }

TEST(Haversine, RigaToVilniusIsSymmetric) {
  GeoPoint riga{56.9496, 24.1052};
  GeoPoint vilnius{54.6872, 25.2797};
  // Ellipsoidal (Vincenty) distance is 262.4 km; the sphere is within 0.5 %.
  EXPECT_NEAR(haversine_km(riga, vilnius), 262.4, 1.3);
  EXPECT_DOUBLE_EQ(haversine_km(riga, vilnius), haversine_km(vilnius, riga));
}

TEST(Haversine, AntipodesAreHalfTheCircumference) {
  EXPECT_NEAR(haversine_km({0, 0}, {0, 180}), kEarthRadiusKm * 3.141592653589793, 1e-6);
}

TEST(DurationText, KeepsTheTwoLargestUnits) {
  EXPECT_EQ(duration_text(0), "0 s");
  EXPECT_EQ(duration_text(400'000), "0 s");
  EXPECT_EQ(duration_text(45 * kMicrosPerSecond), "45 s");
  EXPECT_EQ(duration_text(40 * kMicrosPerMinute), "40 min");
  EXPECT_EQ(duration_text(3 * kMicrosPerMinute + 20 * kMicrosPerSecond), "3 min 20 s");
  EXPECT_EQ(duration_text(2 * kMicrosPerHour + 5 * kMicrosPerMinute + 30 * kMicrosPerSecond), "2 h 5 min");
  EXPECT_EQ(duration_text(2 * kMicrosPerHour + 30 * kMicrosPerSecond), "2 h");
  EXPECT_EQ(duration_text(7 * kMicrosPerDay), "7 d");
  EXPECT_EQ(duration_text(3 * kMicrosPerDay + 4 * kMicrosPerHour + 59 * kMicrosPerMinute), "3 d 4 h");
  EXPECT_EQ(duration_text(-90 * kMicrosPerSecond), "1 min 30 s");
}

}  // namespace
