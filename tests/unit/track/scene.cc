// Scripted scenes for the tracker tests; see scene.h.
#include "tests/unit/track/scene.h"

#include <cmath>
#include <utility>

namespace anpr::track::testing {
namespace {

double lerp(double a, double b, double f) { return a + (b - a) * f; }

Box lerp(const Box& a, const Box& b, double f) {
  return {lerp(a.x, b.x, f), lerp(a.y, b.y, f), lerp(a.width, b.width, f), lerp(a.height, b.height, f)};
}

}  // namespace

PlateRead make_read(std::string text, double confidence, Box box, std::string country) {
  PlateRead read;
  read.text = std::move(text);
  read.confidence = confidence;
  read.box = box;
  read.corners = {Point{box.x, box.y}, Point{box.x + box.width, box.y}, Point{box.x + box.width, box.y + box.height},
                  Point{box.x, box.y + box.height}};
  read.country = std::move(country);
  read.country_confidence = read.country.empty() ? 0.0 : 0.9;
  return read;
}

Pass steady(std::string text, double from_s, double to_s, Box start, Box end) {
  Pass pass;
  pass.from_s = from_s;
  pass.to_s = to_s;
  pass.start = start;
  pass.end = end;
  pass.text = [text = std::move(text)](int) { return std::optional<std::string>(text); };
  return pass;
}

std::vector<FrameReads> Scene::frames(double until_s,
                                      const std::function<std::vector<PlateRead>(int)>& extra) const {
  std::vector<FrameReads> out;
  const int count = static_cast<int>(std::ceil(until_s * fps_ - 1e-9));
  for (int f = 0; f < count; ++f) {
    const double t = f / fps_;
    FrameReads frame;
    frame.timestamp_us = std::llround(t * kSecond);
    frame.frame_index = static_cast<std::uint64_t>(f);
    for (const Pass& pass : passes_) {
      if (t < pass.from_s - 1e-9 || t >= pass.to_s - 1e-9) continue;
      const int i = static_cast<int>(std::llround((t - pass.from_s) * fps_));
      const std::optional<std::string> text = pass.text(i);
      if (!text) continue;
      const double share = (t - pass.from_s) / (pass.to_s - pass.from_s);
      frame.reads.push_back(make_read(*text, pass.confidence, lerp(pass.start, pass.end, share), pass.country));
    }
    if (extra) {
      for (PlateRead& read : extra(f)) frame.reads.push_back(std::move(read));
    }
    out.push_back(std::move(frame));
  }
  return out;
}

std::vector<TrackResult> run(Tracker& tracker, const std::vector<FrameReads>& frames) {
  std::vector<TrackResult> results;
  for (const FrameReads& frame : frames) {
    for (TrackResult& result : tracker.update(frame)) results.push_back(std::move(result));
  }
  for (TrackResult& result : tracker.flush()) results.push_back(std::move(result));
  return results;
}

std::vector<TrackResult> run(const TrackerOptions& options, const std::vector<FrameReads>& frames) {
  Tracker tracker(options);
  return run(tracker, frames);
}

}  // namespace anpr::track::testing
