// Correlation thresholds and the whole correlation configuration; see
// correlation_config.h.
#include "central/correlate/correlation_config.h"

#include <chrono>
#include <string>

#include "central/correlate/rule_config.h"
#include "central/correlate/site_config.h"

namespace anpr::correlate {

namespace {

// A duration key checked against [min, max], in microseconds.
int64_t read_duration_us(const config::Section& s, std::string_view key, int64_t fallback_us, int64_t min_us,
                         int64_t max_us, const std::string& range) {
  using std::chrono::duration_cast;
  using std::chrono::microseconds;
  using std::chrono::milliseconds;
  auto value = duration_cast<microseconds>(s.get_duration(key, duration_cast<milliseconds>(microseconds(fallback_us))));
  if (value.count() < min_us || value.count() > max_us) s.fail(key, "must be " + range);
  return value.count();
}

}  // namespace

CorrelationOptions load_options(const config::Section& parent) {
  config::Section section = parent.section("correlation");
  CorrelationOptions options;

  config::Section c = section.section("crossing");
  options.crossing.window_us = read_duration_us(c, "window", options.crossing.window_us, kMicrosPerMinute,
                                                7 * kMicrosPerDay, "between 1m and 7d");
  options.crossing.min_confidence = c.get_double("min_confidence", options.crossing.min_confidence, 0, 1);

  config::Section t = section.section("impossible_travel");
  auto& travel = options.impossible_travel;
  travel.max_speed_kmh = t.get_double("max_speed_kmh", travel.max_speed_kmh, 50, 2000);
  travel.min_distance_km = t.get_double("min_distance_km", travel.min_distance_km, 0, 500);
  travel.clock_tolerance_us = read_duration_us(t, "clock_tolerance", travel.clock_tolerance_us, 0, kMicrosPerHour,
                                               "between 0s and 1h");
  travel.min_confidence = t.get_double("min_confidence", travel.min_confidence, 0, 1);
  return options;
}

CorrelationConfig load_correlation(const config::Section& root) {
  CorrelationConfig out;
  out.sites = load_sites(root);
  out.options = load_options(root);
  out.rules = load_rules(root, out.sites);
  return out;
}

}  // namespace anpr::correlate
