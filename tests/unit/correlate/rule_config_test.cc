// Rules as written in central.yaml: the Russian-plate example, every
// condition key, and errors that name the rule and the key.
#include <gtest/gtest.h>

#include "central/correlate/rule_config.h"
#include "correlate_test_support.h"

namespace {

using namespace anpr::correlate;
using namespace anpr::correlate::testing;
using anpr::config::ConfigError;
using anpr::config::Document;

const char* kRuEntry = R"(
rules:
  - id: ru-entry-lv
    name: Russian-registered vehicle entering Latvia
    priority: high
    agency: vrs
    when:
      plate_country: [RU]
      site_country: [LV]
      border_site: true
      direction: approaching
)";

// The rules of `yaml`, after the unknown-key check a daemon makes.
RuleSet load(const std::string& yaml) {
  auto doc = Document::parse(yaml, "central.yaml");
  RuleSet rules = load_rules(doc.root(), border_catalog());
  doc.check_unknown();
  return rules;
}

// The error loading `yaml` raises; fails the test when there is none.
ConfigError load_error(const std::string& yaml) {
  try {
    load(yaml);
  } catch (const ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << yaml;
  return ConfigError("", "", "");
}

// kRuEntry with `from` replaced by `to`.
std::string ru_entry_with(const std::string& from, const std::string& to) {
  std::string yaml = kRuEntry;
  auto at = yaml.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return yaml.replace(at, from.size(), to);
}

TEST(RuleConfig, ReadsTheRussianEntryExample) {
  RuleSet rules = load(kRuEntry);
  ASSERT_EQ(rules.rules().size(), 1u);
  const Rule& rule = rules.rules()[0];
  EXPECT_EQ(rule.id, "ru-entry-lv");
  EXPECT_EQ(rule.name, "Russian-registered vehicle entering Latvia");
  EXPECT_EQ(rule.priority, Priority::kHigh);
  EXPECT_EQ(rule.agency, "vrs");
  EXPECT_EQ(rule.plate_countries, std::vector<std::string>{"RU"});
  EXPECT_EQ(rule.site_countries, std::vector<std::string>{"LV"});
  EXPECT_TRUE(rule.site_ids.empty());
  EXPECT_TRUE(rule.border_only);
  EXPECT_EQ(rule.direction, Direction::kApproaching);
  EXPECT_FALSE(rule.hours);
  EXPECT_DOUBLE_EQ(rule.min_confidence, 0.8);
  EXPECT_FALSE(rule.frequent_crosser);
  EXPECT_EQ(rules.crossing_lookback_us(), 0);
}

TEST(RuleConfig, ReadsEveryOtherCondition) {
  RuleSet rules = load(R"(
rules:
  - id: night-frequent
    name: Frequent night crosser at Grenctale
    priority: critical
    agency: lt-vsat
    when:
      site: [grenctale-1, salociai-1]
      direction: receding
      hours: "22:00-06:00"
      min_confidence: 0.9
      crossings: {at_least: 4, within: 7d}
)");
  const Rule& rule = rules.rules().at(0);
  EXPECT_EQ(rule.priority, Priority::kCritical);
  EXPECT_EQ(rule.site_ids, (std::vector<std::string>{"grenctale-1", "salociai-1"}));
  EXPECT_FALSE(rule.border_only);
  EXPECT_EQ(rule.direction, Direction::kReceding);
  ASSERT_TRUE(rule.hours);
  EXPECT_EQ(rule.hours->start_minute, 22 * 60);
  EXPECT_EQ(rule.hours->end_minute, 6 * 60);
  EXPECT_DOUBLE_EQ(rule.min_confidence, 0.9);
  ASSERT_TRUE(rule.frequent_crosser);
  EXPECT_EQ(rule.frequent_crosser->min_crossings, 4);
  EXPECT_EQ(rule.frequent_crosser->within_us, 7 * kMicrosPerDay);
  EXPECT_EQ(rules.crossing_lookback_us(), 7 * kMicrosPerDay);
}

TEST(RuleConfig, AbsentListIsAnEmptySet) { EXPECT_TRUE(load("").rules().empty()); }

TEST(RuleConfig, UnknownKeyIsNamed) {
  auto e = load_error(ru_entry_with("plate_country:", "plate_contry:"));
  EXPECT_EQ(e.key(), "rules[0].when.plate_contry");
  EXPECT_EQ(e.problem(), "unknown key");
}

TEST(RuleConfig, BadCountryCodeNamesTheRuleAndKey) {
  auto e = load_error(ru_entry_with("[RU]", "[Russia]"));
  EXPECT_EQ(e.key(), "rules[0].when.plate_country");
  EXPECT_NE(e.problem().find("rule 'ru-entry-lv'"), std::string::npos) << e.what();
  EXPECT_NE(e.problem().find("'Russia'"), std::string::npos) << e.what();
  EXPECT_EQ(load_error(ru_entry_with("[LV]", "[lv]")).key(), "rules[0].when.site_country");
  EXPECT_EQ(load_error(ru_entry_with("[LV]", "[]")).key(), "rules[0].when.site_country");
}

TEST(RuleConfig, UrgentIsNotAPriority) {
  auto e = load_error(ru_entry_with("priority: high", "priority: urgent"));
  EXPECT_EQ(e.key(), "rules[0].priority");
  EXPECT_EQ(std::string(e.what()),
            "central.yaml: rules[0].priority: rule 'ru-entry-lv': must be one of low, medium, high, critical, got "
            "'urgent'");
}

TEST(RuleConfig, OtherMistakesNameTheirKey) {
  EXPECT_EQ(load_error(ru_entry_with("    priority: high\n", "")).key(), "rules[0].priority");
  EXPECT_EQ(load_error(ru_entry_with("agency: vrs", "agency: VRS")).key(), "rules[0].agency");
  EXPECT_EQ(load_error(ru_entry_with("    name: Russian-registered vehicle entering Latvia\n", "")).key(),
            "rules[0].name");
  EXPECT_EQ(load_error(ru_entry_with("id: ru-entry-lv", "id: RU entry")).key(), "rules[0].id");
  EXPECT_EQ(load_error(ru_entry_with("direction: approaching", "direction: entering")).key(),
            "rules[0].when.direction");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "border_site: yes")).key(), "rules[0].when.border_site");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "hours: \"22-06\"")).key(), "rules[0].when.hours");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "min_confidence: 1.5")).key(),
            "rules[0].when.min_confidence");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "site: [karsava-9]")).key(), "rules[0].when.site");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "crossings: {at_least: 3}")).key(),
            "rules[0].when.crossings.within");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "crossings: {at_least: 0, within: 7d}")).key(),
            "rules[0].when.crossings.at_least");
  EXPECT_EQ(load_error(ru_entry_with("border_site: true", "crossings: {at_least: 2, within: 0s}")).key(),
            "rules[0].when.crossings.within");
}

TEST(RuleConfig, RuleWithoutConditionsIsRefused) {
  auto e = load_error("rules:\n  - {id: all, name: All, priority: low, agency: vp, when: {min_confidence: 0.9}}\n");
  EXPECT_EQ(e.key(), "rules[0].when");
  EXPECT_EQ(load_error("rules:\n  - {id: all, name: All, priority: low, agency: vp}\n").key(), "rules[0].when");
}

TEST(RuleConfig, DuplicateIdIsRefused) {
  std::string yaml = kRuEntry;
  yaml += yaml.substr(yaml.find("  - id:"));
  auto e = load_error(yaml);
  EXPECT_EQ(e.key(), "rules[1].id");
  EXPECT_NE(e.problem().find("'ru-entry-lv' is defined twice"), std::string::npos) << e.what();
}

TEST(ParseHours, AcceptsClockRangesOnly) {
  auto h = parse_hours("08:30-17:00");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->start_minute, 8 * 60 + 30);
  EXPECT_EQ(h->end_minute, 17 * 60);
  EXPECT_EQ(parse_hours("22:00-24:00")->end_minute, 24 * 60);
  EXPECT_EQ(parse_hours("22:00-00:00")->end_minute, 0);
  EXPECT_FALSE(parse_hours("08:00-08:00"));
  EXPECT_FALSE(parse_hours("24:00-06:00"));
  EXPECT_FALSE(parse_hours("8:00-17:00"));
  EXPECT_FALSE(parse_hours("08:60-17:00"));
  EXPECT_FALSE(parse_hours("08:00-24:01"));
  EXPECT_FALSE(parse_hours("08:00"));
  EXPECT_FALSE(parse_hours("08:00-17:00x"));
  EXPECT_FALSE(parse_hours("+8:00-17:00"));
}

}  // namespace
