// What the tracker consumes: the plate reads recognition produced for one
// camera frame, and the same reads once a track owns them. Coordinates are
// pixels of the full frame, origin top-left, y growing downwards, as in the
// sighting's BoundingBox. Times are the frame's capture time in microseconds
// since the Unix epoch, never the time the tracker ran, so replaying recorded
// reads gives the same results.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/plate/plate_rank.h"

namespace anpr::track {

struct Point {
  double x = 0.0;
  double y = 0.0;
};

struct Box {
  double x = 0.0;
  double y = 0.0;
  double width = 0.0;
  double height = 0.0;

  double centre_x() const { return x + width / 2.0; }
  double centre_y() const { return y + height / 2.0; }
};

struct PlateRead {
  std::string text;   // the engine's best reading; normalised on the way in
  double confidence = 0.0;  // [0, 1]
  // The engine's alternative readings, best first; may repeat `text`.
  std::vector<plate::OcrCandidate> candidates;
  Box box;
  std::array<Point, 4> corners{};
  std::string country;  // the recogniser's guess, empty when it has none
  double country_confidence = 0.0;  // [0, 1]
  // [0, 1], higher is sharper; absent when the recogniser does not measure
  // blur, in which case every read counts as sharp.
  std::optional<double> sharpness;
};

struct FrameReads {
  std::int64_t timestamp_us = 0;
  std::uint64_t frame_index = 0;
  std::vector<PlateRead> reads;
};

// One read as a member of a track: the read plus the frame it came from, so
// the daemon can find the frame again for the evidence images.
struct Observation {
  std::int64_t timestamp_us = 0;
  std::uint64_t frame_index = 0;
  PlateRead read;
};

// The frame's reads as observations, texts and candidates normalised
// (plate::normalise); reads whose text normalises to nothing are dropped.
// Throws TrackError naming the frame and read for a confidence or sharpness
// outside [0, 1] or a box without a positive, finite size.
std::vector<Observation> observations_of(const FrameReads& frame);

}  // namespace anpr::track
