// Possible cloned plates: speed between two sightings, and every allowance
// made before calling it impossible.
#include <gtest/gtest.h>

#include <cmath>

#include "central/correlate/geo.h"
#include "central/correlate/impossible_travel.h"
#include "correlate_test_support.h"

namespace {

using namespace anpr::correlate;
using namespace anpr::correlate::testing;

class ImpossibleTravelTest : public ::testing::Test {
 protected:
  std::optional<ImpossibleTravel> detect(const Sighting& a, const Sighting& b) {
    return detect_impossible_travel(a, b, catalog_, options_);
  }

  // The time in which `from` to `to` is covered at exactly the maximum speed.
  int64_t time_at_max_speed(const char* from, const char* to) const {
    double km = haversine_km(catalog_.find(from)->position, catalog_.find(to)->position);
    return std::llround(km / options_.max_speed_kmh * kMicrosPerHour);
  }

  SiteCatalog catalog_ = border_catalog();
  ImpossibleTravelOptions options_;
};

TEST_F(ImpossibleTravelTest, KarsavaThenVilniusTenMinutesLaterIsImpossible) {
  Sighting karsava = seen("karsava-1", kT0);
  Sighting vilnius = seen("vilnius-1", kT0 + minutes(10));
  auto finding = detect(karsava, vilnius);
  ASSERT_TRUE(finding);
  EXPECT_EQ(finding->plate_text, "AB1234");
  EXPECT_EQ(finding->first_event_id, karsava.event_id);
  EXPECT_EQ(finding->first_site_id, "karsava-1");
  EXPECT_EQ(finding->first_at_us, kT0);
  EXPECT_EQ(finding->second_event_id, vilnius.event_id);
  EXPECT_EQ(finding->second_site_id, "vilnius-1");
  EXPECT_EQ(finding->second_at_us, kT0 + minutes(10));
  EXPECT_NEAR(finding->distance_km, 277.7, 0.5);
  EXPECT_EQ(finding->elapsed_us, minutes(10));
  // 10 min plus the 60 s tolerance: 277.7 km in 11 min.
  EXPECT_NEAR(finding->implied_speed_kmh, finding->distance_km / (11.0 / 60), 1e-6);
  EXPECT_EQ(explain(*finding), "possible cloned plate: 278 km from karsava-1 to vilnius-1 in 10 min, at least 1515 km/h");
  EXPECT_TRUE(detect(vilnius, karsava)) << "argument order must not matter";
}

TEST_F(ImpossibleTravelTest, SamePairFourHoursApartIsFine) {
  EXPECT_FALSE(detect(seen("karsava-1", kT0), seen("vilnius-1", kT0 + minutes(240))));
}

TEST_F(ImpossibleTravelTest, SitesCloserThanTheMinimumDistanceAreNeverCompared) {
  options_.clock_tolerance_us = 0;
  Sighting a = seen("grenctale-1", kT0);
  Sighting b = seen("grenctale-2", kT0 + seconds(5));  // 1 km in 5 s: 720 km/h
  EXPECT_FALSE(detect(a, b));
  options_.min_distance_km = 0.5;
  EXPECT_TRUE(detect(a, b)) << "it was the minimum distance that ruled it out";
}

TEST_F(ImpossibleTravelTest, ClockToleranceGoesToTheDriver) {
  // Riga to Grenctāle (~65 km) half a minute faster than 200 km/h allows.
  int64_t elapsed = time_at_max_speed("riga-1", "grenctale-1") - seconds(30);
  Sighting riga = seen("riga-1", kT0);
  Sighting border = seen("grenctale-1", kT0 + elapsed);
  EXPECT_FALSE(detect(riga, border));
  options_.clock_tolerance_us = 0;
  auto finding = detect(riga, border);
  ASSERT_TRUE(finding);
  EXPECT_GT(finding->implied_speed_kmh, 200);
  EXPECT_LT(finding->implied_speed_kmh, 210);
}

TEST_F(ImpossibleTravelTest, EdgeClockErrorBoundsAddToTheTolerance) {
  options_.clock_tolerance_us = 0;
  int64_t elapsed = time_at_max_speed("riga-1", "grenctale-1") - seconds(30);
  Sighting riga = seen("riga-1", kT0);
  Sighting border = seen("grenctale-1", kT0 + elapsed);
  EXPECT_TRUE(detect(riga, border));
  riga.clock_state = ClockState::kHoldover;
  riga.clock_error_us = seconds(20);
  border.clock_error_us = seconds(20);
  EXPECT_FALSE(detect(riga, border));
}

TEST_F(ImpossibleTravelTest, BothReadsMustBeConfident) {
  Sighting karsava = seen("karsava-1", kT0);
  Sighting vilnius = seen("vilnius-1", kT0 + minutes(10));
  vilnius.read_confidence = 0.85;  // enough for a crossing, not for this
  EXPECT_FALSE(detect(karsava, vilnius));
  EXPECT_FALSE(detect(vilnius, karsava));
}

TEST_F(ImpossibleTravelTest, DifferentCountriesOrUntrustedClocksAreNotCompared) {
  Sighting karsava = seen("karsava-1", kT0, "AB1234", "LV");
  EXPECT_FALSE(detect(karsava, seen("vilnius-1", kT0 + minutes(10), "AB1234", "EE")));
  Sighting unsynced = seen("vilnius-1", kT0 + minutes(10));
  unsynced.clock_state = ClockState::kUnsynced;
  EXPECT_FALSE(detect(karsava, unsynced));
}

TEST_F(ImpossibleTravelTest, SameMomentWithoutToleranceIsInfinitelyFast) {
  options_.clock_tolerance_us = 0;
  auto finding = detect(seen("karsava-1", kT0), seen("vilnius-1", kT0));
  ASSERT_TRUE(finding);
  EXPECT_TRUE(std::isinf(finding->implied_speed_kmh));
  EXPECT_EQ(explain(*finding), "possible cloned plate: 278 km from karsava-1 to vilnius-1 in 0 s, at the same moment");
}

}  // namespace
