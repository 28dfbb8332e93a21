// Rule loading; see rule_config.h.
#include "central/correlate/rule_config.h"

#include <charconv>
#include <chrono>
#include <string>

#include "central/correlate/config_fields.h"

namespace anpr::correlate {

namespace {

std::optional<int> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  int hours = 0;
  int minutes = 0;
  auto h = std::from_chars(text.data(), text.data() + 2, hours);
  auto m = std::from_chars(text.data() + 3, text.data() + 5, minutes);
  if (h.ec != std::errc() || h.ptr != text.data() + 2 || m.ec != std::errc() || m.ptr != text.data() + 5) {
    return std::nullopt;
  }
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

Priority read_priority(const config::Section& s) {
  if (!s.has("priority")) s.fail("priority", "is required but missing");
  std::string name = s.get_choice("priority", "", {"low", "medium", "high", "critical"});
  if (name == "low") return Priority::kLow;
  if (name == "medium") return Priority::kMedium;
  if (name == "high") return Priority::kHigh;
  return Priority::kCritical;
}

Direction read_direction(const config::Section& when) {
  std::string name = when.get_choice("direction", "", {"approaching", "receding", "stationary"});
  if (name == "approaching") return Direction::kApproaching;
  if (name == "receding") return Direction::kReceding;
  return Direction::kStationary;
}

std::vector<std::string> read_site_ids(const config::Section& when, const SiteCatalog& sites) {
  auto ids = when.get<std::vector<std::string>>("site", {});
  if (when.has("site") && ids.empty()) when.fail("site", "must list at least one site id (leave the key out for any)");
  for (const auto& id : ids) {
    if (sites.find(id) == nullptr) when.fail("site", "no site '" + id + "' in the sites list");
  }
  return ids;
}

FrequentCrosser read_crossings(const config::Section& when) {
  config::Section c = when.section("crossings");
  FrequentCrosser frequent;
  if (!c.has("at_least")) c.fail("at_least", "is required but missing");
  frequent.min_crossings = static_cast<int>(c.get_int("at_least", 1, 1, 1000));
  if (!c.has("within")) c.fail("within", "is required but missing");
  auto within = c.get_duration("within", {});
  if (within.count() <= 0 || within > std::chrono::days(366)) c.fail("within", "must be more than 0 and at most 366d");
  frequent.within_us = std::chrono::duration_cast<std::chrono::microseconds>(within).count();
  return frequent;
}

void read_conditions(const config::Section& when, const SiteCatalog& sites, Rule& rule) {
  rule.plate_countries = country_list(when, "plate_country");
  rule.site_countries = country_list(when, "site_country");
  rule.site_ids = read_site_ids(when, sites);
  rule.border_only = when.get<bool>("border_site", false);
  if (when.has("direction")) rule.direction = read_direction(when);
  if (when.has("hours")) {
    auto text = when.get<std::string>("hours", "");
    rule.hours = parse_hours(text);
    if (!rule.hours) when.fail("hours", "expected \"HH:MM-HH:MM\" with two different times, got '" + text + "'");
  }
  rule.min_confidence = when.get_double("min_confidence", rule.min_confidence, 0, 1);
  if (when.has("crossings")) rule.frequent_crosser = read_crossings(when);
}

Rule read_rule(const config::Section& s, const SiteCatalog& sites) {
  Rule rule;
  rule.id = require_code(s, "id");
  try {
    rule.name = s.require<std::string>("name");
    rule.priority = read_priority(s);
    rule.agency = require_code(s, "agency");
    read_conditions(s.section("when"), sites, rule);
    if (!rule.has_conditions()) s.fail("when", "sets no condition, so the rule would fire on every sighting");
  } catch (const config::ConfigError& e) {
    throw config::ConfigError(e.file(), e.key(), "rule '" + rule.id + "': " + e.problem());
  }
  return rule;
}

}  // namespace

std::optional<HoursOfDay> parse_hours(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto start = parse_clock(text.substr(0, dash));
  auto end = parse_clock(text.substr(dash + 1));
  if (!start || !end || *start == *end || *start == 24 * 60) return std::nullopt;
  return HoursOfDay{*start, *end};
}

RuleSet load_rules(const config::Section& parent, const SiteCatalog& sites) {
  RuleSet rules;
  for (const auto& s : parent.sections("rules")) {
    Rule rule = read_rule(s, sites);
    std::string id = rule.id;
    if (!rules.add(std::move(rule))) s.fail("id", "rule '" + id + "' is defined twice");
  }
  return rules;
}

}  // namespace anpr::correlate
