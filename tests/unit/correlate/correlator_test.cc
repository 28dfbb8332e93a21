// evaluate() over scripted journeys, with the previous-sighting lookup done
// the way docs/correlation.md asks the ingest path to do it: the latest
// earlier sighting of the plate that is confident enough and has a trusted
// clock.
#include <gtest/gtest.h>

#include <stdexcept>

#include "central/correlate/correlator.h"
#include "correlate_test_support.h"

namespace {

using namespace anpr::correlate;
using namespace anpr::correlate::testing;

// The sightings and crossings tables of one plate's history, as far as
// correlation sees them.
class Journey {
 public:
  Journey(RuleSet rules = {}) : rules_(std::move(rules)) {}

  Findings see(const Sighting& current, int local_minute = 12 * 60) {
    SightingContext context;
    context.local_minute_of_day = local_minute;
    for (int64_t t : crossings_) {
      if (t >= current.captured_at_us - rules_.crossing_lookback_us()) context.recent_crossings_us.push_back(t);
    }
    Findings findings = evaluate(previous_of(current), current, catalog_, options_, rules_, context);
    stored_.push_back(current);
    if (findings.crossing) crossings_.push_back(findings.crossing->to_at_us);
    return findings;
  }

  CorrelationOptions options_;

 private:
  std::optional<Sighting> previous_of(const Sighting& current) const {
    std::optional<Sighting> best;
    for (const auto& s : stored_) {
      if (s.plate_text != current.plate_text || s.captured_at_us >= current.captured_at_us) continue;
      if (s.read_confidence < options_.lookup_min_confidence() || !clock_trusted(s)) continue;
      if (!best || s.captured_at_us > best->captured_at_us) best = s;
    }
    return best;
  }

  SiteCatalog catalog_ = border_catalog();
  RuleSet rules_;
  std::vector<Sighting> stored_;
  std::vector<int64_t> crossings_;
};

TEST(Correlator, RoundTripToLithuaniaAndBack) {
  Journey journey;
  EXPECT_TRUE(journey.see(seen("grenctale-1", kT0)).empty());

  auto into_lt = journey.see(seen("salociai-1", kT0 + minutes(40)));
  ASSERT_TRUE(into_lt.crossing);
  EXPECT_EQ(into_lt.crossing->from_country, "LV");
  EXPECT_EQ(into_lt.crossing->to_country, "LT");
  EXPECT_EQ(into_lt.crossing->travel_time_us(), minutes(40));
  EXPECT_FALSE(into_lt.impossible_travel);

  EXPECT_TRUE(journey.see(seen("vilnius-1", kT0 + minutes(170))).empty()) << "same country";
  EXPECT_TRUE(journey.see(seen("salociai-1", kT0 + minutes(400))).empty());

  auto into_lv = journey.see(seen("grenctale-1", kT0 + minutes(405)));
  ASSERT_TRUE(into_lv.crossing);
  EXPECT_EQ(into_lv.crossing->from_country, "LT");
  EXPECT_EQ(into_lv.crossing->to_country, "LV");
  EXPECT_EQ(into_lv.crossing->travel_time_us(), minutes(5));
}

TEST(Correlator, ReturnAfterTheWindowIsNoCrossing) {
  Journey journey;
  journey.see(seen("salociai-1", kT0));
  EXPECT_TRUE(journey.see(seen("grenctale-1", kT0 + 7 * kMicrosPerHour)).empty());
}

TEST(Correlator, MisreadBetweenTwoGoodReadsNeitherCreatesNorHidesACrossing) {
  Journey journey;
  journey.see(seen("grenctale-1", kT0));
  Sighting misread = seen("salociai-1", kT0 + minutes(30));
  misread.read_confidence = 0.4;
  EXPECT_TRUE(journey.see(misread).empty());
  auto good = journey.see(seen("vilnius-1", kT0 + minutes(150)));
  ASSERT_TRUE(good.crossing);
  EXPECT_EQ(good.crossing->from_site_id, "grenctale-1");
  EXPECT_EQ(good.crossing->to_site_id, "vilnius-1");
}

TEST(Correlator, ImpossibleJourneyIsNotAlsoACrossing) {
  Journey journey;
  journey.see(seen("karsava-1", kT0));
  auto findings = journey.see(seen("vilnius-1", kT0 + minutes(10)));
  ASSERT_TRUE(findings.impossible_travel);
  EXPECT_NEAR(findings.impossible_travel->distance_km, 277.7, 0.5);
  EXPECT_FALSE(findings.crossing);
}

TEST(Correlator, PlausibleLongJourneyIsACrossingOnly) {
  Journey journey;
  journey.see(seen("karsava-1", kT0));
  auto findings = journey.see(seen("vilnius-1", kT0 + minutes(240)));
  EXPECT_FALSE(findings.impossible_travel);
  ASSERT_TRUE(findings.crossing);
  EXPECT_EQ(findings.crossing->travel_time_us(), minutes(240));
}

TEST(Correlator, NearbySitesSecondsApartGiveNoImpossibleTravel) {
  Journey journey;
  journey.see(seen("grenctale-1", kT0));
  EXPECT_TRUE(journey.see(seen("grenctale-2", kT0 + seconds(5))).empty());
}

TEST(Correlator, ReplayedSightingPairsWithNothing) {
  Sighting lv = seen("grenctale-1", kT0);
  Sighting lt = seen("salociai-1", kT0 + minutes(40));
  CorrelationOptions options;
  Findings findings = evaluate(lt, lt, border_catalog(), options, RuleSet{}, SightingContext{});
  EXPECT_TRUE(findings.empty());
  EXPECT_TRUE(evaluate(lv, lt, border_catalog(), options, RuleSet{}, SightingContext{}).crossing);
}

TEST(Correlator, PreviousOfAnotherPlateIsACallerBug) {
  CorrelationOptions options;
  EXPECT_THROW(evaluate(seen("grenctale-1", kT0, "AB1234"), seen("salociai-1", kT0 + minutes(40), "AB1235"),
                        border_catalog(), options, RuleSet{}, SightingContext{}),
               std::invalid_argument);
}

TEST(Correlator, RulesFireWithOrWithoutAPreviousSighting) {
  RuleSet rules;
  ASSERT_TRUE(rules.add(ru_entry()));
  Journey journey(rules);
  auto entering = journey.see(seen("karsava-1", kT0, "A123BC77", "RU"));
  ASSERT_EQ(entering.rule_hits.size(), 1u);
  EXPECT_EQ(entering.rule_hits[0].rule_id, "ru-entry-lv");

  Sighting leaving = seen("karsava-1", kT0 + kMicrosPerDay, "A123BC77", "RU");
  leaving.direction = Direction::kReceding;
  EXPECT_TRUE(journey.see(leaving).rule_hits.empty());
  EXPECT_TRUE(journey.see(seen("karsava-1", kT0 + 2 * kMicrosPerDay, "AB1234", "LV")).rule_hits.empty());
}

TEST(Correlator, CrossingFoundNowCountsForFrequentCrossers) {
  Rule frequent;
  frequent.id = "frequent";
  frequent.agency = "vp";
  frequent.frequent_crosser = FrequentCrosser{3, 7 * kMicrosPerDay};
  RuleSet rules;
  ASSERT_TRUE(rules.add(frequent));
  Journey journey(rules);
  int64_t day = kMicrosPerDay;
  journey.see(seen("grenctale-1", kT0));
  EXPECT_TRUE(journey.see(seen("salociai-1", kT0 + minutes(20))).rule_hits.empty());  // 1st crossing
  journey.see(seen("salociai-1", kT0 + 2 * day));
  EXPECT_TRUE(journey.see(seen("grenctale-1", kT0 + 2 * day + minutes(20))).rule_hits.empty());  // 2nd
  journey.see(seen("grenctale-1", kT0 + 4 * day));
  auto third = journey.see(seen("salociai-1", kT0 + 4 * day + minutes(20)));
  ASSERT_TRUE(third.crossing);
  ASSERT_EQ(third.rule_hits.size(), 1u);
  EXPECT_EQ(third.rule_hits[0].explanation, "at salociai-1 (LT, border), 3 crossings in 7 d");
  EXPECT_EQ(journey.see(seen("vilnius-1", kT0 + 5 * day)).rule_hits.size(), 1u) << "still a frequent crosser";
  EXPECT_TRUE(journey.see(seen("vilnius-1", kT0 + 9 * day)).rule_hits.empty()) << "the first crossings aged out";
}

}  // namespace
