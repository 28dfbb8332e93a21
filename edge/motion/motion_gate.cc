// Background-difference motion gate; see motion_gate.h.
#include "edge/motion/motion_gate.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "edge/motion/motion_regions.h"
#include "edge/motion/roi_mask.h"

namespace anpr::motion {

const char* to_string(PassReason reason) {
  switch (reason) {
    case PassReason::none: return "none";
    case PassReason::motion: return "motion";
    case PassReason::keepalive: return "keepalive";
  }
  return "unknown";
}

MotionGate::MotionGate(MotionOptions options) : options_(std::move(options)) { validate(options_); }

void MotionGate::reset() { background_.release(); }

void MotionGate::prepare(cv::Size frame_size) {
  frame_size_ = frame_size;
  int width = std::min(options_.work_width, frame_size.width);
  int height = std::max(1, static_cast<int>(static_cast<long long>(frame_size.height) * width / frame_size.width));
  work_size_ = cv::Size(width, height);
  roi_ = roi_mask(options_.roi, frame_size_, work_size_);
  roi_pixels_ = cv::countNonZero(roi_);
  background_.release();
}

MotionResult MotionGate::keepalive_or_none(std::chrono::steady_clock::time_point now, double changed_fraction) {
  MotionResult result;
  result.changed_fraction = changed_fraction;
  if (options_.keepalive.count() > 0 && (!last_pass_ || now - *last_pass_ >= options_.keepalive)) {
    result.pass = true;
    result.reason = PassReason::keepalive;
    last_pass_ = now;
  }
  return result;
}

MotionResult MotionGate::evaluate(const cv::Mat& frame, std::chrono::steady_clock::time_point now,
                                  GrayLevels levels) {
  if (frame.empty() || frame.depth() != CV_8U || (frame.channels() != 1 && frame.channels() != 3)) {
    throw std::invalid_argument("motion gate: frame must be 8-bit gray or BGR, got type " +
                                std::to_string(frame.type()) + " of " + std::to_string(frame.cols) + "x" +
                                std::to_string(frame.rows));
  }
  if (frame.size() != frame_size_) prepare(frame.size());

  // Every pixel of a 1080p frame is 6 MB to read, which is what made an area
  // downscale of the whole frame cost more than the rest of the gate
  // together. Sampling a grid of twice the work size and averaging each 2x2
  // of it touches 1/36 of the frame and still averages sensor noise down by
  // half; colour conversion then runs on the small copy only.
  if (work_size_.width * 2 < frame.cols) {
    cv::resize(frame, sampled_, work_size_ * 2, 0, 0, cv::INTER_NEAREST);
    cv::resize(sampled_, small_, work_size_, 0, 0, cv::INTER_AREA);
  } else {
    cv::resize(frame, small_, work_size_, 0, 0, cv::INTER_AREA);
  }
  if (small_.channels() == 3) {
    cv::cvtColor(small_, gray_, cv::COLOR_BGR2GRAY);
  } else if (levels == GrayLevels::video) {
    small_.convertTo(stretched_, CV_8U, 255.0 / 219.0, -16.0 * 255.0 / 219.0);
    gray_ = stretched_;
  } else {
    gray_ = small_;
  }

  if (background_.empty()) {
    gray_.convertTo(background_, CV_32F);
    gray_.copyTo(previous_);
    return keepalive_or_none(now, 0.0);
  }

  background_.convertTo(background_u8_, CV_8U);
  cv::absdiff(gray_, background_u8_, difference_);
  cv::threshold(difference_, changed_, options_.pixel_threshold, 255, cv::THRESH_BINARY);
  cv::bitwise_and(changed_, roi_, changed_);
  cv::accumulateWeighted(gray_, background_, options_.background_rate);

  double fraction = roi_pixels_ > 0 ? static_cast<double>(cv::countNonZero(changed_)) / roi_pixels_ : 0.0;
  if (roi_pixels_ == 0 || fraction < options_.min_changed_fraction) {
    gray_.copyTo(previous_);
    return keepalive_or_none(now, fraction);
  }

  // What differs from the previous frame as well is moving now. The 2x2
  // erosion drops lone pixels, which at night are sensor noise, not motion.
  cv::absdiff(gray_, previous_, difference_);
  cv::threshold(difference_, moving_, options_.pixel_threshold, 255, cv::THRESH_BINARY);
  cv::erode(moving_, moving_, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2, 2)));
  gray_.copyTo(previous_);

  std::vector<cv::Rect> regions = motion_regions(changed_, moving_, frame_size_, options_.min_region_pixels);
  if (regions.empty()) return keepalive_or_none(now, fraction);
  last_pass_ = now;
  return MotionResult{true, PassReason::motion, fraction, std::move(regions)};
}

}  // namespace anpr::motion
