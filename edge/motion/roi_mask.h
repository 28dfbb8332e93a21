// The region of interest as a mask at the motion gate's work resolution: the
// configured polygon (full-frame pixels) scaled down and filled. Computed once
// per frame size, so the per-frame cost of an ROI is one AND.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace anpr::motion {

// CV_8UC1 of `work_size`, 255 inside the polygon and 0 outside; all 255 for
// an empty polygon. `frame_size` is the size the polygon's coordinates refer to.
cv::Mat roi_mask(const std::vector<cv::Point>& polygon, cv::Size frame_size, cv::Size work_size);

}  // namespace anpr::motion
