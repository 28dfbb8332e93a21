// Scripted camera scenes for the tracker tests: plates that move in a
// straight line through the image over a time window, with a per-frame
// script saying what OCR read (or that the plate was missed), turned into
// the frame sequence a camera at a fixed rate would deliver.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edge/track/observation.h"
#include "edge/track/tracker.h"

namespace anpr::track::testing {

inline constexpr std::int64_t kSecond = 1'000'000;

PlateRead make_read(std::string text, double confidence, Box box, std::string country = "LV");

struct Pass {
  double from_s = 0.0;  // first frame at or after this time
  double to_s = 0.0;    // last frame before this time
  Box start;            // the box at from_s...
  Box end;              // ...moving linearly to this one at to_s
  // The read in the pass's i-th frame (0-based), or nullopt when OCR missed
  // the plate in that frame.
  std::function<std::optional<std::string>(int)> text;
  double confidence = 0.9;
  std::string country = "LV";
};

// A pass that reads `text` in every frame.
Pass steady(std::string text, double from_s, double to_s, Box start, Box end);

class Scene {
 public:
  explicit Scene(double fps) : fps_(fps) {}

  void add(Pass pass) { passes_.push_back(std::move(pass)); }

  // Every frame in [0, until_s), with reads from `extra` appended per frame.
  std::vector<FrameReads> frames(double until_s,
                                 const std::function<std::vector<PlateRead>(int)>& extra = {}) const;

 private:
  double fps_;
  std::vector<Pass> passes_;
};

// Feeds every frame to `tracker`, then flushes it; all results in order.
std::vector<TrackResult> run(Tracker& tracker, const std::vector<FrameReads>& frames);

std::vector<TrackResult> run(const TrackerOptions& options, const std::vector<FrameReads>& frames);

}  // namespace anpr::track::testing
