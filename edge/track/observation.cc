// Checking and normalising the reads of one frame; see observation.h.
#include "edge/track/observation.h"

#include <cmath>
#include <string_view>
#include <utility>

#include "common/plate/plate_text.h"
#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

bool is_unit_interval(double value) { return value >= 0.0 && value <= 1.0; }

[[noreturn]] void reject(const FrameReads& frame, std::size_t index, std::string_view problem) {
  throw TrackError("frame " + std::to_string(frame.frame_index) + " read " + std::to_string(index) + " ('" +
                   frame.reads[index].text + "'): " + std::string(problem));
}

void check_read(const FrameReads& frame, std::size_t index) {
  const PlateRead& read = frame.reads[index];
  if (!is_unit_interval(read.confidence)) {
    reject(frame, index, "confidence " + std::to_string(read.confidence) + " is outside [0, 1]");
  }
  if (!is_unit_interval(read.country_confidence)) {
    reject(frame, index, "country confidence " + std::to_string(read.country_confidence) + " is outside [0, 1]");
  }
  if (read.sharpness && !is_unit_interval(*read.sharpness)) {
    reject(frame, index, "sharpness " + std::to_string(*read.sharpness) + " is outside [0, 1]");
  }
  for (const plate::OcrCandidate& candidate : read.candidates) {
    if (!is_unit_interval(candidate.confidence)) {
      reject(frame, index,
             "candidate '" + candidate.text + "' confidence " + std::to_string(candidate.confidence) +
                 " is outside [0, 1]");
    }
  }
  const Box& box = read.box;
  const bool finite = std::isfinite(box.x) && std::isfinite(box.y) && std::isfinite(box.width) &&
                      std::isfinite(box.height);
  if (!finite || !(box.width > 0.0) || !(box.height > 0.0)) {
    reject(frame, index,
           "box " + std::to_string(box.width) + "x" + std::to_string(box.height) + " at (" + std::to_string(box.x) +
               ", " + std::to_string(box.y) + ") has no positive finite size");
  }
}

}  // namespace

std::vector<Observation> observations_of(const FrameReads& frame) {
  std::vector<Observation> out;
  for (std::size_t i = 0; i < frame.reads.size(); ++i) {
    check_read(frame, i);
    PlateRead read = frame.reads[i];
    read.text = plate::normalise(read.text).text;
    if (read.text.empty()) continue;
    for (plate::OcrCandidate& candidate : read.candidates) candidate.text = plate::normalise(candidate.text).text;
    std::erase_if(read.candidates, [](const plate::OcrCandidate& c) { return c.text.empty(); });
    out.push_back({frame.timestamp_us, frame.frame_index, std::move(read)});
  }
  return out;
}

}  // namespace anpr::track
