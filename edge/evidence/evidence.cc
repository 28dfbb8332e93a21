// Evidence JPEGs sized for the uplink; see evidence.h.
#include "edge/evidence/evidence.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace anpr::evidence {

namespace {

std::string encode(const cv::Mat& image, int quality) {
  std::vector<uchar> bytes;
  cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_JPEG_OPTIMIZE, 1});
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

std::string encode_to_size(const cv::Mat& image, std::size_t target_bytes) {
  // Size grows with quality, so a binary search over it finds the best fit
  // in a handful of encodes (a patch encodes in well under a millisecond).
  int low = 10, high = 95;
  std::string best = encode(image, low);
  if (best.size() > target_bytes) return best;
  while (low < high) {
    int mid = (low + high + 1) / 2;
    std::string attempt = encode(image, mid);
    if (attempt.size() <= target_bytes) {
      low = mid;
      best = std::move(attempt);
    } else {
      high = mid - 1;
    }
  }
  return best;
}

std::string plate_patch(const cv::Mat& frame, const cv::Rect& box, const Options& options) {
  int margin_x = box.width / 8, margin_y = box.height / 4;
  cv::Rect padded(box.x - margin_x, box.y - margin_y, box.width + 2 * margin_x, box.height + 2 * margin_y);
  cv::Rect clipped = padded & cv::Rect(0, 0, frame.cols, frame.rows);
  if (clipped.empty()) return {};
  cv::Mat patch = frame(clipped);
  if (patch.rows < options.plate_min_height) {
    double scale = static_cast<double>(options.plate_min_height) / patch.rows;
    cv::resize(patch, patch, cv::Size(), scale, scale, cv::INTER_CUBIC);
  }
  return encode_to_size(patch, options.plate_target_bytes);
}

std::string overview(const cv::Mat& frame, const Options& options) {
  cv::Mat scaled = frame;
  if (frame.cols > options.overview_max_width) {
    double scale = static_cast<double>(options.overview_max_width) / frame.cols;
    cv::resize(frame, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  return encode_to_size(scaled, options.overview_target_bytes);
}

}  // namespace anpr::evidence
