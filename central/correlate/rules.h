// Correlation rules: alerts an agency configures for sightings that match a
// combination of conditions, such as "a Russian-registered vehicle entering
// Latvia at a border crossing point" (entry has been refused to such vehicles
// since September 2023, transit aside). Rules are data, written in
// central.yaml (rule_config.h), so that policy changes need no release.
//
// A rule fires when every condition it sets holds; conditions it leaves out
// do not restrict. Everything a rule needs besides the sighting and its site
// (local time of day, the plate's recent crossings) is gathered by the
// caller, so matching stays pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "central/correlate/sighting.h"
#include "central/correlate/site_catalog.h"

namespace anpr::correlate {

// Same numbers as anpr.v1.AlertPriority.
enum class Priority { kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

// "low", "medium", "high", "critical": the second part of an alert topic.
std::string_view priority_name(Priority priority);

// Minutes after local midnight, end exclusive; start > end spans midnight
// ("22:00-06:00").
struct HoursOfDay {
  int start_minute = 0;
  int end_minute = 24 * 60;

  bool contains(int minute_of_day) const;
};

// At least `min_crossings` crossings of the plate that ended no longer than
// `within_us` before the sighting.
struct FrequentCrosser {
  int min_crossings = 1;
  int64_t within_us = 0;
};

struct Rule {
  std::string id;
  std::string name;
  Priority priority = Priority::kMedium;
  std::string agency;  // receives the alert: first part of the alert topic

  std::vector<std::string> plate_countries;  // the read's country is one of these
  std::vector<std::string> site_countries;   // the site is in one of these
  std::vector<std::string> site_ids;         // the sighting is at one of these
  bool border_only = false;                  // the site is a border crossing point
  std::optional<Direction> direction;
  std::optional<HoursOfDay> hours;
  double min_confidence = 0.8;  // always applies: a misread must not raise an alert
  std::optional<FrequentCrosser> frequent_crosser;

  // True when the rule sets any condition besides min_confidence; one that
  // does not would fire on every confident read.
  bool has_conditions() const;
};

// One sighting as the rules see it.
struct RuleInput {
  const Sighting& sighting;
  const Site* site;  // nullptr when not in the catalog: site conditions fail
  // In the border's time zone (Europe/Riga, the same as Europe/Vilnius).
  int local_minute_of_day = 0;
  // When each recent crossing of the plate ended (Crossing::to_at_us), at
  // least RuleSet::crossing_lookback_us() back from the sighting, including
  // one this sighting completes.
  std::span<const int64_t> crossing_times_us;
};

struct RuleHit {
  std::string rule_id;
  std::string rule_name;
  Priority priority = Priority::kMedium;
  std::string agency;
  // Which conditions held, for the alert: "plate RU, at karsava-1 (LV,
  // border), approaching, 3 crossings in 7 d".
  std::string explanation;
};

// The hit for `rule`, or nothing when any of its conditions fails.
std::optional<RuleHit> check(const Rule& rule, const RuleInput& input);

class RuleSet {
 public:
  // False, and the set unchanged, when a rule with this id is present.
  [[nodiscard]] bool add(Rule rule);

  // Hits of every rule that fires, in the order the rules were added.
  std::vector<RuleHit> evaluate(const RuleInput& input) const;

  // How far back the caller must look up the plate's crossings for
  // RuleInput::crossing_times_us: the longest frequent-crosser window, or 0
  // when no rule needs crossings and the lookup can be skipped.
  int64_t crossing_lookback_us() const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<Rule> rules_;
};

}  // namespace anpr::correlate
