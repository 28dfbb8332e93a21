// The motion gate: the first and cheapest step for every frame a camera
// delivers. Most frames at a border road show an empty road; they should
// cost a downscale and a comparison and go no further. The gate compares a
// small gray copy of the frame with a running background average, inside
// the region of interest, and passes the frame on only when enough of it
// changed and part of that change is also new since the previous frame (so
// the fading trace of a vehicle that left, or a cloud dimming the road, is
// not motion), saying where, so recognition looks there first. Once in a
// while it passes a frame anyway (keepalive) for a vehicle that stopped and
// so melted into the background.
//
// One gate per camera, used from one thread.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/motion/motion_options.h"

namespace anpr::motion {

enum class PassReason { none, motion, keepalive };

// How a gray frame codes black and white. The luma plane of most H.264 and
// H.265 streams is video range, and the gate reads it as decoded (no
// conversion of the full frame); it stretches its small copy to full range,
// so pixel_threshold means the same gray levels for every source.
enum class GrayLevels {
  full,   // 0 black, 255 white (cv::cvtColor's gray, full-range cameras)
  video,  // 16 black, 235 white
};

const char* to_string(PassReason reason);

struct MotionResult {
  bool pass = false;
  PassReason reason = PassReason::none;
  double changed_fraction = 0.0;  // of the region of interest, in [0, 1]
  std::vector<cv::Rect> regions;  // full-frame coordinates, largest first; empty unless reason is motion
};

class MotionGate {
 public:
  // Throws std::invalid_argument for invalid options.
  explicit MotionGate(MotionOptions options);

  // Judges `frame` (BGR or gray, 8 bits; `levels` says how a gray frame
  // codes black and white) taken at `now` and learns it into the
  // background. The first frame, and the first after a change of frame
  // size, only seeds the background; it passes as a keepalive when that is on.
  MotionResult evaluate(const cv::Mat& frame, std::chrono::steady_clock::time_point now,
                        GrayLevels levels = GrayLevels::full);

  // Forgets the background, e.g. after the camera reconnected.
  void reset();

  const MotionOptions& options() const { return options_; }

 private:
  MotionResult keepalive_or_none(std::chrono::steady_clock::time_point now, double changed_fraction);
  void prepare(cv::Size frame_size);

  MotionOptions options_;
  cv::Size frame_size_;
  cv::Size work_size_;
  cv::Mat roi_;
  int roi_pixels_ = 0;
  cv::Mat background_;  // CV_32FC1, work size
  // Scratch images kept between frames so a steady stream allocates nothing.
  cv::Mat sampled_, small_, stretched_, gray_, previous_, background_u8_, difference_, changed_, moving_;
  std::optional<std::chrono::steady_clock::time_point> last_pass_;
};

}  // namespace anpr::motion
