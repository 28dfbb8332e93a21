// The pictures a sighting carries as evidence: a JPEG of the plate patch and
// a JPEG overview of the scene, from the best frame of the vehicle's track.
// Sizes follow the UK national ANPR standard (NASPLE): a plate patch of about
// 3 KB and an overview of about 25 KB, enough for an officer to confirm a
// read and identify the vehicle while keeping a sighting small enough for a
// border box's uplink and for a year of history in the central database.
#pragma once

#include <cstddef>
#include <string>

#include <opencv2/core.hpp>

namespace anpr::evidence {

struct Options {
  std::size_t plate_target_bytes = 3 * 1024;
  std::size_t overview_target_bytes = 25 * 1024;
  int overview_max_width = 960;  // wider frames are scaled down first
  int plate_min_height = 40;     // smaller patches are scaled up, so digits stay legible
};

// JPEG of `frame` inside `box` (clipped to the frame, with a small margin so
// the plate's edges are in the picture), at the best quality that fits the
// target size. Empty when the box does not intersect the frame.
std::string plate_patch(const cv::Mat& frame, const cv::Rect& box, const Options& options = {});

// JPEG of the whole frame, scaled to at most overview_max_width, at the best
// quality that fits the target size.
std::string overview(const cv::Mat& frame, const Options& options = {});

// JPEG of `image` at the highest quality (from 95 down to 10) whose size is
// at most `target_bytes`; at quality 10 when even that is larger.
std::string encode_to_size(const cv::Mat& image, std::size_t target_bytes);

}  // namespace anpr::evidence
