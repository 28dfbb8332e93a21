// Corner arithmetic for plate outlines; see quad.h.
#include "edge/engine/quad.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace anpr::engine {

Quad oriented_quad(cv::Point2f centre, cv::Point2f axis, float length, float height) {
  const cv::Point2f along = axis * (length / 2);
  const cv::Point2f across = cv::Point2f(-axis.y, axis.x) * (height / 2);
  return Quad{{centre - along - across, centre + along - across, centre + along + across, centre - along + across}};
}

Quad scaled(const Quad& quad, float factor) {
  Quad out = quad;
  for (cv::Point2f& p : out.corners) p *= factor;
  return out;
}

namespace {

cv::Point2f unit(cv::Point2f v) {
  const double n = cv::norm(v);
  return n > 0 ? v * static_cast<float>(1 / n) : cv::Point2f(1, 0);
}

}  // namespace

Quad grown(const Quad& quad, float left, float right, float top, float bottom) {
  const auto& c = quad.corners;
  const cv::Point2f along = unit(c[1] - c[0]), across = unit(c[3] - c[0]);
  return Quad{{c[0] - along * left - across * top, c[1] + along * right - across * top,
               c[2] + along * right + across * bottom, c[3] - along * left + across * bottom}};
}

cv::Mat warp_quad(const cv::Mat& image, const Quad& quad, cv::Size size, int interpolation, double shear) {
  const cv::Point2f dst[] = {{0, 0},
                             {static_cast<float>(size.width), 0},
                             {static_cast<float>(size.width), static_cast<float>(size.height)},
                             {0, static_cast<float>(size.height)}};
  cv::Mat to_size = cv::getPerspectiveTransform(quad.corners.data(), dst);
  if (shear != 0) {
    cv::Mat unslant = cv::Mat::eye(3, 3, CV_64F);
    unslant.at<double>(0, 1) = shear;
    unslant.at<double>(0, 2) = -shear * size.height / 2.0;
    to_size = unslant * to_size;
  }
  cv::Mat out;
  cv::warpPerspective(image, out, to_size, size, interpolation, cv::BORDER_REPLICATE);
  return out;
}

cv::Rect bounding_box(const Quad& quad, const cv::Size& frame) {
  float x0 = quad.corners[0].x, x1 = x0, y0 = quad.corners[0].y, y1 = y0;
  for (const cv::Point2f& p : quad.corners) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  const cv::Rect box(cv::Point(static_cast<int>(std::floor(x0)), static_cast<int>(std::floor(y0))),
                     cv::Point(static_cast<int>(std::ceil(x1)), static_cast<int>(std::ceil(y1))));
  return box & cv::Rect(cv::Point(0, 0), frame);
}

double smaller_box_inside(const cv::Rect& a, const cv::Rect& b) {
  const double smaller = std::min(a.area(), b.area());
  return smaller > 0 ? (a & b).area() / smaller : 0.0;
}

float quad_width(const Quad& quad) {
  const auto& c = quad.corners;
  return static_cast<float>((cv::norm(c[1] - c[0]) + cv::norm(c[2] - c[3])) / 2);
}

float quad_height(const Quad& quad) {
  const auto& c = quad.corners;
  return static_cast<float>((cv::norm(c[3] - c[0]) + cv::norm(c[2] - c[1])) / 2);
}

}  // namespace anpr::engine
