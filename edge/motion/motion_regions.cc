// Blobs of changed pixels as full-frame boxes; see motion_regions.h.
#include "edge/motion/motion_regions.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace anpr::motion {

std::vector<cv::Rect> motion_regions(const cv::Mat& changed, const cv::Mat& moving, cv::Size frame_size,
                                     int min_pixels) {
  cv::Mat joined;
  cv::dilate(changed, joined, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  cv::Mat labels, stats, centroids;
  int count = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);

  // Sizes count the changed pixels themselves, not the dilated ones, or a
  // single noisy pixel would grow into a 3x3 "blob".
  std::vector<int> changed_pixels(static_cast<std::size_t>(count), 0);
  std::vector<bool> has_moving(static_cast<std::size_t>(count), false);
  for (int row = 0; row < changed.rows; ++row) {
    const auto* changed_row = changed.ptr<unsigned char>(row);
    const auto* moving_row = moving.ptr<unsigned char>(row);
    const auto* label = labels.ptr<int>(row);
    for (int col = 0; col < changed.cols; ++col) {
      auto index = static_cast<std::size_t>(label[col]);
      if (changed_row[col]) ++changed_pixels[index];
      if (moving_row[col]) has_moving[index] = true;
    }
  }

  double sx = static_cast<double>(frame_size.width) / changed.cols;
  double sy = static_cast<double>(frame_size.height) / changed.rows;
  cv::Rect frame(cv::Point(0, 0), frame_size);
  std::vector<std::pair<int, cv::Rect>> found;
  for (int label = 1; label < count; ++label) {  // 0 is the background
    int area = changed_pixels[static_cast<std::size_t>(label)];
    if (area < min_pixels || !has_moving[static_cast<std::size_t>(label)]) continue;
    // The dilation already added one work pixel around the blob.
    int x = stats.at<int>(label, cv::CC_STAT_LEFT);
    int y = stats.at<int>(label, cv::CC_STAT_TOP);
    int w = stats.at<int>(label, cv::CC_STAT_WIDTH);
    int h = stats.at<int>(label, cv::CC_STAT_HEIGHT);
    cv::Point top_left(static_cast<int>(std::floor(x * sx)), static_cast<int>(std::floor(y * sy)));
    cv::Point bottom_right(static_cast<int>(std::ceil((x + w) * sx)), static_cast<int>(std::ceil((y + h) * sy)));
    found.emplace_back(area, cv::Rect(top_left, bottom_right) & frame);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<cv::Rect> boxes;
  boxes.reserve(found.size());
  for (const auto& [area, box] : found) boxes.push_back(box);
  return boxes;
}

}  // namespace anpr::motion
