// Correlation thresholds from central.yaml: defaults, overrides, bounds, and
// the whole correlation configuration in one call.
#include <gtest/gtest.h>

#include "central/correlate/correlation_config.h"

namespace {

using namespace anpr::correlate;
using anpr::config::ConfigError;
using anpr::config::Document;

std::string failing_key(const std::string& yaml) {
  auto doc = Document::parse(yaml, "central.yaml");
  try {
    (void)load_options(doc.root());
    doc.check_unknown();
  } catch (const ConfigError& e) {
    return e.key();
  }
  return "";
}

TEST(CorrelationConfig, DefaultsWhenAbsent) {
  auto doc = Document::parse("", "central.yaml");
  CorrelationOptions options = load_options(doc.root());
  EXPECT_EQ(options.crossing.window_us, 6 * kMicrosPerHour);
  EXPECT_DOUBLE_EQ(options.crossing.min_confidence, 0.8);
  EXPECT_DOUBLE_EQ(options.impossible_travel.max_speed_kmh, 200);
  EXPECT_DOUBLE_EQ(options.impossible_travel.min_distance_km, 5);
  EXPECT_EQ(options.impossible_travel.clock_tolerance_us, 60 * kMicrosPerSecond);
  EXPECT_DOUBLE_EQ(options.impossible_travel.min_confidence, 0.9);
  EXPECT_DOUBLE_EQ(options.lookup_min_confidence(), 0.8);
}

TEST(CorrelationConfig, Overrides) {
  auto doc = Document::parse(R"(
correlation:
  crossing: {window: 90m, min_confidence: 0.85}
  impossible_travel: {max_speed_kmh: 180, min_distance_km: 10, clock_tolerance: 2m, min_confidence: 0.75}
)",
                             "central.yaml");
  CorrelationOptions options = load_options(doc.root());
  doc.check_unknown();
  EXPECT_EQ(options.crossing.window_us, 90 * kMicrosPerMinute);
  EXPECT_DOUBLE_EQ(options.crossing.min_confidence, 0.85);
  EXPECT_DOUBLE_EQ(options.impossible_travel.max_speed_kmh, 180);
  EXPECT_DOUBLE_EQ(options.impossible_travel.min_distance_km, 10);
  EXPECT_EQ(options.impossible_travel.clock_tolerance_us, 2 * kMicrosPerMinute);
  EXPECT_DOUBLE_EQ(options.impossible_travel.min_confidence, 0.75);
  EXPECT_DOUBLE_EQ(options.lookup_min_confidence(), 0.75);
}

TEST(CorrelationConfig, ErrorsNameTheKey) {
  EXPECT_EQ(failing_key("correlation: {crossing: {window: 6 hours}}\n"), "correlation.crossing.window");
  EXPECT_EQ(failing_key("correlation: {crossing: {window: 30s}}\n"), "correlation.crossing.window");
  EXPECT_EQ(failing_key("correlation: {crossing: {window: 8d}}\n"), "correlation.crossing.window");
  EXPECT_EQ(failing_key("correlation: {crossing: {min_confidence: 80}}\n"), "correlation.crossing.min_confidence");
  EXPECT_EQ(failing_key("correlation: {impossible_travel: {max_speed_kmh: 20}}\n"),
            "correlation.impossible_travel.max_speed_kmh");
  EXPECT_EQ(failing_key("correlation: {impossible_travel: {clock_tolerance: 2h}}\n"),
            "correlation.impossible_travel.clock_tolerance");
  EXPECT_EQ(failing_key("correlation: {impossible_travel: {min_distance_km: -1}}\n"),
            "correlation.impossible_travel.min_distance_km");
  EXPECT_EQ(failing_key("correlation: {impossible_travel: {max_speed: 150}}\n"),
            "correlation.impossible_travel.max_speed");
}

TEST(CorrelationConfig, LoadsSitesOptionsAndRulesTogether) {
  auto doc = Document::parse(R"(
sites:
  - {id: karsava-1, country: LV, name: Karsava, lat: 56.7845, lon: 27.688, road: A13, border: true}
correlation:
  crossing: {window: 4h}
rules:
  - id: ru-entry-lv
    name: Russian-registered vehicle entering Latvia
    priority: high
    agency: vrs
    when: {plate_country: [RU], site: [karsava-1], direction: approaching}
)",
                             "central.yaml");
  CorrelationConfig config = load_correlation(doc.root());
  doc.check_unknown();
  EXPECT_NE(config.sites.find("karsava-1"), nullptr);
  EXPECT_EQ(config.options.crossing.window_us, 4 * kMicrosPerHour);
  ASSERT_EQ(config.rules.rules().size(), 1u);
  EXPECT_EQ(config.rules.rules()[0].site_ids, std::vector<std::string>{"karsava-1"});
}

TEST(CorrelationConfig, RulesSeeOnlyTheSitesListed) {
  auto doc = Document::parse(R"(
rules:
  - {id: r, name: R, priority: low, agency: vp, when: {site: [karsava-1]}}
)",
                             "central.yaml");
  try {
    (void)load_correlation(doc.root());
    FAIL() << "a rule naming an unlisted site was accepted";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key(), "rules[0].when.site");
    EXPECT_NE(e.problem().find("no site 'karsava-1'"), std::string::npos) << e.what();
  }
}

}  // namespace
