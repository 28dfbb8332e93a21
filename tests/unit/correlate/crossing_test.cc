// Border crossings from pairs of sightings: direction, window, confidence,
// clocks and the checks that keep two different vehicles apart.
#include <gtest/gtest.h>

#include "central/correlate/crossing.h"
#include "correlate_test_support.h"

namespace {

using namespace anpr::correlate;
using namespace anpr::correlate::testing;

class CrossingTest : public ::testing::Test {
 protected:
  std::optional<Crossing> detect(const Sighting& a, const Sighting& b) {
    return detect_crossing(a, b, catalog_, options_);
  }

  SiteCatalog catalog_ = border_catalog();
  CrossingOptions options_;
};

TEST_F(CrossingTest, LatviaThenLithuaniaIsACrossingIntoLithuania) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + minutes(40));
  auto crossing = detect(lv, lt);
  ASSERT_TRUE(crossing);
  EXPECT_EQ(crossing->plate_text, "AB1234");
  EXPECT_EQ(crossing->from_event_id, lv.event_id);
  EXPECT_EQ(crossing->from_site_id, "grenctale-1");
  EXPECT_EQ(crossing->from_country, "LV");
  EXPECT_EQ(crossing->from_at_us, kT0);
  EXPECT_EQ(crossing->to_event_id, lt.event_id);
  EXPECT_EQ(crossing->to_site_id, "salociai-1");
  EXPECT_EQ(crossing->to_country, "LT");
  EXPECT_EQ(crossing->to_at_us, kT0 + minutes(40));
  EXPECT_EQ(crossing->travel_time_us(), minutes(40));
  EXPECT_EQ(explain(*crossing), "LV\u2192LT: grenctale-1 to salociai-1 in 40 min");
}

TEST_F(CrossingTest, LithuaniaThenLatviaIsACrossingIntoLatvia) {
  auto crossing = detect(seen("vilnius-1", kT0), seen("riga-1", kT0 + minutes(230)));
  ASSERT_TRUE(crossing);
  EXPECT_EQ(crossing->from_country, "LT");
  EXPECT_EQ(crossing->to_country, "LV");
  EXPECT_EQ(crossing->travel_time_us(), minutes(230));
}

TEST_F(CrossingTest, ArgumentOrderDoesNotMatterOnlyCaptureTime) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + minutes(40));
  auto crossing = detect(lt, lv);
  ASSERT_TRUE(crossing);
  EXPECT_EQ(crossing->from_event_id, lv.event_id);
  EXPECT_EQ(crossing->to_country, "LT");
}

TEST_F(CrossingTest, SameCountryTwiceIsNoCrossing) {
  EXPECT_FALSE(detect(seen("grenctale-1", kT0), seen("riga-1", kT0 + minutes(60))));
  EXPECT_FALSE(detect(seen("salociai-1", kT0), seen("vilnius-1", kT0 + minutes(90))));
  EXPECT_FALSE(detect(seen("salociai-1", kT0), seen("salociai-1", kT0 + minutes(5))));
}

TEST_F(CrossingTest, OnlyWithinTheWindow) {
  Sighting lv = seen("grenctale-1", kT0);
  EXPECT_TRUE(detect(lv, seen("salociai-1", kT0 + options_.window_us)));
  EXPECT_FALSE(detect(lv, seen("salociai-1", kT0 + options_.window_us + 1)));
  EXPECT_FALSE(detect(lv, seen("salociai-1", kT0 + 30 * kMicrosPerHour)));
  options_.window_us = 31 * kMicrosPerHour;
  EXPECT_TRUE(detect(lv, seen("salociai-1", kT0 + 30 * kMicrosPerHour)));
}

TEST_F(CrossingTest, ClockErrorBoundsWidenTheWindow) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + options_.window_us + seconds(3));
  EXPECT_FALSE(detect(lv, lt));
  lv.clock_state = ClockState::kHoldover;
  lv.clock_error_us = seconds(2);
  lt.clock_error_us = seconds(1);
  EXPECT_TRUE(detect(lv, lt));
}

TEST_F(CrossingTest, LowConfidenceReadOnEitherSideIsIgnored) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + minutes(40));
  lt.read_confidence = 0.79;
  EXPECT_FALSE(detect(lv, lt));
  EXPECT_FALSE(detect(lt, lv));
  lt.read_confidence = 0.8;
  EXPECT_TRUE(detect(lv, lt));
  options_.min_confidence = 0.9;
  EXPECT_FALSE(detect(lv, lt));
}

TEST_F(CrossingTest, DifferentVehiclesAreNotPaired) {
  Sighting lv = seen("grenctale-1", kT0, "AB1234", "LV");
  EXPECT_FALSE(detect(lv, seen("salociai-1", kT0 + minutes(40), "AB1235", "LV")));
  EXPECT_FALSE(detect(lv, seen("salociai-1", kT0 + minutes(40), "AB1234", "PL")));
  EXPECT_TRUE(detect(lv, seen("salociai-1", kT0 + minutes(40), "AB1234", "")));
}

TEST_F(CrossingTest, ReplayedSightingIsNotPairedWithItself) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting replay = lv;
  replay.site_id = "salociai-1";
  EXPECT_FALSE(detect(lv, replay));
}

TEST_F(CrossingTest, UntrustedClocksAreNotCompared) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + minutes(40));
  for (ClockState state : {ClockState::kUnsynced, ClockState::kUnspecified}) {
    lt.clock_state = state;
    EXPECT_FALSE(detect(lv, lt));
  }
  lt.clock_state = ClockState::kHoldover;
  EXPECT_TRUE(detect(lv, lt));
}

TEST_F(CrossingTest, SiteMissingFromTheCatalogGivesNothing) {
  EXPECT_FALSE(detect(seen("grenctale-1", kT0), seen("kaunas-9", kT0 + minutes(40))));
}

}  // namespace
