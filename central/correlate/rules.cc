// Rule matching; see rules.h.
#include "central/correlate/rules.h"

#include <algorithm>

#include "central/correlate/duration_text.h"

namespace anpr::correlate {

namespace {

bool listed(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string_view direction_name(Direction direction) {
  switch (direction) {
    case Direction::kApproaching: return "approaching";
    case Direction::kReceding: return "receding";
    case Direction::kStationary: return "stationary";
    case Direction::kUnspecified: break;
  }
  return "direction unknown";
}

int64_t count_since(std::span<const int64_t> times_us, int64_t since_us) {
  return std::count_if(times_us.begin(), times_us.end(), [since_us](int64_t t) { return t >= since_us; });
}

// "06:05" for minute 365.
std::string clock_text(int minute_of_day) {
  std::string out;
  for (int part : {minute_of_day / 60, minute_of_day % 60}) {
    if (!out.empty()) out += ':';
    if (part < 10) out += '0';
    out += std::to_string(part);
  }
  return out;
}

void append(std::string& text, std::string_view part) {
  if (!text.empty()) text += ", ";
  text += part;
}

}  // namespace

std::string_view priority_name(Priority priority) {
  switch (priority) {
    case Priority::kLow: return "low";
    case Priority::kMedium: return "medium";
    case Priority::kHigh: return "high";
    case Priority::kCritical: return "critical";
  }
  return "medium";
}

bool HoursOfDay::contains(int minute_of_day) const {
  if (start_minute <= end_minute) return minute_of_day >= start_minute && minute_of_day < end_minute;
  return minute_of_day >= start_minute || minute_of_day < end_minute;
}

bool Rule::has_conditions() const {
  return !plate_countries.empty() || !site_countries.empty() || !site_ids.empty() || border_only ||
         direction.has_value() || hours.has_value() || frequent_crosser.has_value();
}

std::optional<RuleHit> check(const Rule& rule, const RuleInput& input) {
  const Sighting& s = input.sighting;
  if (s.read_confidence < rule.min_confidence) return std::nullopt;
  if (!rule.plate_countries.empty() && !listed(rule.plate_countries, s.plate_country)) return std::nullopt;
  if (!rule.site_ids.empty() && !listed(rule.site_ids, s.site_id)) return std::nullopt;
  bool needs_site = !rule.site_countries.empty() || rule.border_only;
  if (needs_site && input.site == nullptr) return std::nullopt;
  if (!rule.site_countries.empty() && !listed(rule.site_countries, input.site->country)) return std::nullopt;
  if (rule.border_only && !input.site->border) return std::nullopt;
  if (rule.direction && s.direction != *rule.direction) return std::nullopt;
  if (rule.hours && !rule.hours->contains(input.local_minute_of_day)) return std::nullopt;
  int64_t crossings = 0;
  if (rule.frequent_crosser) {
    crossings = count_since(input.crossing_times_us, s.captured_at_us - rule.frequent_crosser->within_us);
    if (crossings < rule.frequent_crosser->min_crossings) return std::nullopt;
  }

  std::string why;
  if (!rule.plate_countries.empty()) append(why, "plate " + s.plate_country);
  if (input.site != nullptr) {
    append(why, "at " + s.site_id + " (" + input.site->country + (input.site->border ? ", border" : "") + ")");
  } else {
    append(why, "at " + s.site_id);
  }
  if (rule.direction) append(why, direction_name(s.direction));
  if (rule.hours) {
    append(why, "at " + clock_text(input.local_minute_of_day) + " local time");
  }
  if (rule.frequent_crosser) {
    append(why, std::to_string(crossings) + " crossings in " + duration_text(rule.frequent_crosser->within_us));
  }
  return RuleHit{rule.id, rule.name, rule.priority, rule.agency, why};
}

bool RuleSet::add(Rule rule) {
  bool taken = std::any_of(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == rule.id; });
  if (taken) return false;
  rules_.push_back(std::move(rule));
  return true;
}

std::vector<RuleHit> RuleSet::evaluate(const RuleInput& input) const {
  std::vector<RuleHit> hits;
  for (const auto& rule : rules_) {
    if (auto hit = check(rule, input)) hits.push_back(std::move(*hit));
  }
  return hits;
}

int64_t RuleSet::crossing_lookback_us() const {
  int64_t longest = 0;
  for (const auto& rule : rules_) {
    if (rule.frequent_crosser) longest = std::max(longest, rule.frequent_crosser->within_us);
  }
  return longest;
}

}  // namespace anpr::correlate
