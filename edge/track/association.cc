// Gating and greedy matching of reads to tracks; see association.h.
#include "edge/track/association.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "edge/track/text_alignment.h"
#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

void require_positive(double value, const char* name) {
  if (!(value > 0.0 && std::isfinite(value))) {
    throw TrackError(std::string("association ") + name + " " + std::to_string(value) + " must be positive");
  }
}

}  // namespace

std::optional<double> association_cost(const TrackCue& cue, const PlateRead& read,
                                       const AssociationOptions& options) {
  const auto& recent = cue.recent_texts;
  const bool same_text = read.text.size() >= kSameTextMinLength &&
                         std::find(recent.begin(), recent.end(), read.text) != recent.end();
  const double max_ratio = same_text ? options.same_text_size_ratio : options.max_size_ratio;
  const double size_ratio = read.box.width / cue.predicted.width;
  if (size_ratio > max_ratio || size_ratio < 1.0 / max_ratio) return std::nullopt;

  const double plate_width = std::max(cue.predicted.width, read.box.width);
  const double radius =
      plate_width * (options.position_gate + options.gate_growth_per_second * cue.seconds_since_seen);
  const double offset = std::hypot(read.box.centre_x() - cue.predicted.centre_x(),
                                   read.box.centre_y() - cue.predicted.centre_y());
  if (offset > radius) return std::nullopt;

  double closest = std::numeric_limits<double>::infinity();
  for (const std::string& text : cue.recent_texts) closest = std::min(closest, text_distance(text, read.text));
  if (closest > options.max_text_distance) return std::nullopt;

  return offset / radius + closest / options.max_text_distance;
}

std::vector<Pairing> associate(std::span<const TrackCue> cues, std::span<const Observation> reads,
                               const AssociationOptions& options) {
  std::vector<std::tuple<double, std::size_t, std::size_t>> feasible;
  for (std::size_t t = 0; t < cues.size(); ++t) {
    for (std::size_t r = 0; r < reads.size(); ++r) {
      if (const auto cost = association_cost(cues[t], reads[r].read, options)) feasible.emplace_back(*cost, t, r);
    }
  }
  std::sort(feasible.begin(), feasible.end());

  std::vector<bool> track_taken(cues.size());
  std::vector<bool> read_taken(reads.size());
  std::vector<Pairing> pairings;
  for (const auto& [cost, t, r] : feasible) {
    if (track_taken[t] || read_taken[r]) continue;
    track_taken[t] = true;
    read_taken[r] = true;
    pairings.push_back({t, r});
  }
  return pairings;
}

void validate(const AssociationOptions& options) {
  require_positive(options.position_gate, "position_gate");
  if (!(options.gate_growth_per_second >= 0.0 && std::isfinite(options.gate_growth_per_second))) {
    throw TrackError("association gate_growth_per_second " + std::to_string(options.gate_growth_per_second) +
                     " must be zero or positive");
  }
  if (!(options.max_size_ratio > 1.0 && std::isfinite(options.max_size_ratio))) {
    throw TrackError("association max_size_ratio " + std::to_string(options.max_size_ratio) +
                     " must be above 1");
  }
  if (!(options.same_text_size_ratio >= options.max_size_ratio && std::isfinite(options.same_text_size_ratio))) {
    throw TrackError("association same_text_size_ratio " + std::to_string(options.same_text_size_ratio) +
                     " must be at least max_size_ratio");
  }
  if (!(options.max_text_distance > 0.0 && options.max_text_distance <= 1.0)) {
    throw TrackError("association max_text_distance " + std::to_string(options.max_text_distance) +
                     " is outside (0, 1]");
  }
}

}  // namespace anpr::track
