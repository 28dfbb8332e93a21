// Where the motion is: the blobs of a changed-pixel mask at work resolution
// as boxes in full-frame coordinates, so recognition can look there first.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace anpr::motion {

// Boxes around the connected blobs of `changed` (CV_8UC1, non-zero = differs
// from the background) that have at least `min_pixels` changed pixels and
// overlap `moving` (non-zero = differs from the previous frame), largest
// first, scaled to `frame_size` and grown by one work pixel on each side
// (clipped to the frame) so a box never cuts through the edge of what moved.
// Nearby fragments of one vehicle (a windscreen splitting its outline) are
// joined first. Blobs with nothing moving in them are the background's
// memory of a vehicle that has left, or a slow change of light: no reason to
// look there.
std::vector<cv::Rect> motion_regions(const cv::Mat& changed, const cv::Mat& moving, cv::Size frame_size,
                                     int min_pixels);

}  // namespace anpr::motion
