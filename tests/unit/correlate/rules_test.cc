// Rule matching: each condition alone, the Russian-plate entry example, and
// the frequent-crosser count the caller supplies.
#include <gtest/gtest.h>

#include "central/correlate/rules.h"
#include "correlate_test_support.h"

namespace {

using namespace anpr::correlate;
using namespace anpr::correlate::testing;

class RulesTest : public ::testing::Test {
 protected:
  std::optional<RuleHit> run(const Rule& rule, const Sighting& s, int minute = 12 * 60,
                             std::vector<int64_t> crossings = {}) {
    return check(rule, RuleInput{s, catalog_.find(s.site_id), minute, crossings});
  }

  SiteCatalog catalog_ = border_catalog();
};

TEST_F(RulesTest, RussianPlateApproachingLatvianBorderSiteHits) {
  auto hit = run(ru_entry(), seen("karsava-1", kT0, "A123BC77", "RU"));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule_id, "ru-entry-lv");
  EXPECT_EQ(hit->rule_name, "Russian-registered vehicle entering Latvia");
  EXPECT_EQ(hit->priority, Priority::kHigh);
  EXPECT_EQ(hit->agency, "vrs");
  EXPECT_EQ(hit->explanation, "plate RU, at karsava-1 (LV, border), approaching");
}

TEST_F(RulesTest, RussianPlateLeavingIsNoHit) {
  Sighting leaving = seen("karsava-1", kT0, "A123BC77", "RU");
  leaving.direction = Direction::kReceding;
  EXPECT_FALSE(run(ru_entry(), leaving));
  leaving.direction = Direction::kUnspecified;
  EXPECT_FALSE(run(ru_entry(), leaving));
}

TEST_F(RulesTest, OtherPlatesAndPlacesAreNoHit) {
  EXPECT_FALSE(run(ru_entry(), seen("karsava-1", kT0, "AB1234", "LV")));
  EXPECT_FALSE(run(ru_entry(), seen("karsava-1", kT0, "A123BC77", ""))) << "an unread country proves nothing";
  EXPECT_FALSE(run(ru_entry(), seen("riga-1", kT0, "A123BC77", "RU"))) << "not a border site";
  EXPECT_FALSE(run(ru_entry(), seen("salociai-1", kT0, "A123BC77", "RU"))) << "border site in Lithuania";
  EXPECT_FALSE(run(ru_entry(), seen("unknown-1", kT0, "A123BC77", "RU"))) << "site not in the catalog";
}

TEST_F(RulesTest, LowConfidenceReadIsNoHit) {
  Sighting s = seen("karsava-1", kT0, "A123BC77", "RU");
  s.read_confidence = 0.7;
  EXPECT_FALSE(run(ru_entry(), s));
  Rule lenient = ru_entry();
  lenient.min_confidence = 0.6;
  EXPECT_TRUE(run(lenient, s));
}

TEST_F(RulesTest, SiteIdsConditionNeedsNoCatalogEntry) {
  Rule rule;
  rule.id = "watch-unknown";
  rule.site_ids = {"unknown-1", "riga-1"};
  EXPECT_TRUE(run(rule, seen("unknown-1", kT0)));
  EXPECT_TRUE(run(rule, seen("riga-1", kT0)));
  EXPECT_FALSE(run(rule, seen("karsava-1", kT0)));
}

TEST_F(RulesTest, HoursOfDaySpanningMidnight) {
  Rule night = ru_entry();
  night.hours = HoursOfDay{22 * 60, 6 * 60};
  Sighting s = seen("karsava-1", kT0, "A123BC77", "RU");
  EXPECT_TRUE(run(night, s, 23 * 60));
  EXPECT_TRUE(run(night, s, 0));
  EXPECT_TRUE(run(night, s, 5 * 60 + 59));
  EXPECT_FALSE(run(night, s, 6 * 60));
  EXPECT_FALSE(run(night, s, 12 * 60));
  EXPECT_FALSE(run(night, s, 21 * 60 + 59));
  auto hit = run(night, s, 22 * 60 + 5);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->explanation, "plate RU, at karsava-1 (LV, border), approaching, at 22:05 local time");
}

TEST_F(RulesTest, HoursOfDayWithinOneDay) {
  HoursOfDay office{8 * 60, 17 * 60};
  EXPECT_FALSE(office.contains(8 * 60 - 1));
  EXPECT_TRUE(office.contains(8 * 60));
  EXPECT_TRUE(office.contains(17 * 60 - 1));
  EXPECT_FALSE(office.contains(17 * 60));
}

TEST_F(RulesTest, FrequentCrosserThreshold) {
  Rule rule;
  rule.id = "frequent";
  rule.frequent_crosser = FrequentCrosser{3, 7 * kMicrosPerDay};
  Sighting s = seen("grenctale-1", kT0);
  int64_t day = kMicrosPerDay;
  EXPECT_FALSE(run(rule, s, 600, {}));
  EXPECT_FALSE(run(rule, s, 600, {kT0 - 1 * day, kT0 - 2 * day}));
  auto hit = run(rule, s, 600, {kT0 - 1 * day, kT0 - 2 * day, kT0 - 7 * day});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->explanation, "at grenctale-1 (LV, border), 3 crossings in 7 d");
  EXPECT_FALSE(run(rule, s, 600, {kT0 - 1 * day, kT0 - 2 * day, kT0 - 7 * day - 1})) << "one is too old";
}

TEST_F(RulesTest, RuleSetKeepsOrderRefusesDuplicatesAndKnowsItsLookback) {
  RuleSet rules;
  EXPECT_EQ(rules.crossing_lookback_us(), 0);
  ASSERT_TRUE(rules.add(ru_entry()));
  Rule frequent;
  frequent.id = "frequent";
  frequent.priority = Priority::kLow;
  frequent.frequent_crosser = FrequentCrosser{1, 3 * kMicrosPerDay};
  ASSERT_TRUE(rules.add(frequent));
  Rule longer = frequent;
  longer.id = "frequent-month";
  longer.frequent_crosser->within_us = 30 * kMicrosPerDay;
  ASSERT_TRUE(rules.add(longer));
  EXPECT_FALSE(rules.add(ru_entry()));
  EXPECT_EQ(rules.rules().size(), 3u);
  EXPECT_EQ(rules.crossing_lookback_us(), 30 * kMicrosPerDay);

  Sighting s = seen("karsava-1", kT0, "A123BC77", "RU");
  std::vector<int64_t> crossings{kT0 - 10 * kMicrosPerDay};
  auto hits = rules.evaluate(RuleInput{s, catalog_.find(s.site_id), 600, crossings});
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].rule_id, "ru-entry-lv");
  EXPECT_EQ(hits[1].rule_id, "frequent-month");
}

TEST_F(RulesTest, HasConditions) {
  Rule rule;
  EXPECT_FALSE(rule.has_conditions());
  rule.border_only = true;
  EXPECT_TRUE(rule.has_conditions());
}

TEST(Priority, NamesAreTheTopicWords) {
  EXPECT_EQ(priority_name(Priority::kLow), "low");
  EXPECT_EQ(priority_name(Priority::kMedium), "medium");
  EXPECT_EQ(priority_name(Priority::kHigh), "high");
  EXPECT_EQ(priority_name(Priority::kCritical), "critical");
}

}  // namespace
