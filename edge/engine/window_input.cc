// Windows as small nets' input; see window_input.h.
#include "edge/engine/window_input.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace anpr::engine {

cv::Mat cut_window(const cv::Mat& bgr, const Quad& quad, cv::Size size) {
  const cv::Size native(std::max(size.width, static_cast<int>(std::lround(quad_width(quad)))),
                        std::max(size.height, static_cast<int>(std::lround(quad_height(quad)))));
  cv::Mat window;
  cv::resize(warp_quad(bgr, quad, native, cv::INTER_LINEAR), window, size, 0, 0, cv::INTER_AREA);
  return window;
}

cv::Mat normalised_window(const cv::Mat& window) {
  cv::Mat values;
  window.convertTo(values, CV_32F);
  cv::Mat mean, deviation;
  cv::meanStdDev(values.reshape(1), mean, deviation);
  return (values - cv::Scalar::all(mean.at<double>(0))) / std::max(deviation.at<double>(0), 1.0);
}

}  // namespace anpr::engine
