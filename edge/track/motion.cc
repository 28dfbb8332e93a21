// Least-squares motion fit; see motion.h.
#include "edge/track/motion.h"

#include <algorithm>

#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

constexpr double kMicrosPerSecond = 1e6;
constexpr double kMinSizeShare = 0.25;

double seconds_between(std::int64_t from_us, std::int64_t to_us) {
  return static_cast<double>(to_us - from_us) / kMicrosPerSecond;
}

template <typename Value>
LinearTrend fit_line(std::span<const Observation> observations, std::int64_t origin_us, Value value) {
  const double n = static_cast<double>(observations.size());
  double mean_t = 0.0;
  double mean_v = 0.0;
  for (const Observation& o : observations) {
    mean_t += seconds_between(origin_us, o.timestamp_us) / n;
    mean_v += value(o.read.box) / n;
  }
  double covariance = 0.0;
  double variance = 0.0;
  for (const Observation& o : observations) {
    const double dt = seconds_between(origin_us, o.timestamp_us) - mean_t;
    covariance += dt * (value(o.read.box) - mean_v);
    variance += dt * dt;
  }
  const double slope = variance > 0.0 ? covariance / variance : 0.0;
  return {mean_v - slope * mean_t, slope};
}

double value_at(const LinearTrend& trend, double seconds) { return trend.at_origin + trend.per_second * seconds; }

}  // namespace

Box BoxTrend::at(std::int64_t timestamp_us) const {
  const double t = seconds_between(origin_us, timestamp_us);
  const double w = std::max(value_at(width, t), kMinSizeShare * width.at_origin);
  const double h = std::max(value_at(height, t), kMinSizeShare * height.at_origin);
  return {value_at(centre_x, t) - w / 2.0, value_at(centre_y, t) - h / 2.0, w, h};
}

BoxTrend fit_motion(std::span<const Observation> observations) {
  if (observations.empty()) throw TrackError("cannot fit the motion of a track without observations");
  const std::int64_t origin = observations.back().timestamp_us;
  return {origin,
          fit_line(observations, origin, [](const Box& b) { return b.centre_x(); }),
          fit_line(observations, origin, [](const Box& b) { return b.centre_y(); }),
          fit_line(observations, origin, [](const Box& b) { return b.width; }),
          fit_line(observations, origin, [](const Box& b) { return b.height; })};
}

}  // namespace anpr::track
