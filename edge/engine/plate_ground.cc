// Light plate-shaped regions; see plate_ground.h.
#include "edge/engine/plate_ground.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"

namespace anpr::engine {
namespace {

// At half size: the plates this is for are 90-440 px wide in the frame.
constexpr int kWindow = 31;          // px at half size: wider than such a plate is high
constexpr double kLighter = 8;       // gray levels above the window's mean
constexpr double kMinArea = 100;     // px at half size
constexpr float kMinLength = 35, kMaxLength = 220;
constexpr float kMinAspect = 2.6f, kMaxAspect = 6.5f;  // one-row plates; 520 x 110 mm is 4.7
constexpr float kMaxTilt = 0.45f;    // |sin| of the long side's angle: about 27 degrees
constexpr double kMinSolidity = 0.6; // of the rotated box covered by the region
// The text: an Otsu split of the region's pixels into ink and ground. Blurred
// bold text covers up to 0.57 of a small plate (`MG-98` in a 720p frame).
constexpr double kMinInk = 0.08, kMaxInk = 0.65, kMinContrast = 20;

struct Found {
  Quad outline;
  double contrast;
};

// `box` as a quad whose first edge is its longer side, read left to right.
Quad upright(const cv::RotatedRect& box, float& length, float& height) {
  cv::Point2f p[4];
  box.points(p);
  const cv::Point2f a = p[1] - p[0], b = p[2] - p[1];
  cv::Point2f axis = cv::norm(a) >= cv::norm(b) ? a : b;
  length = static_cast<float>(std::max(cv::norm(a), cv::norm(b)));
  height = static_cast<float>(std::min(cv::norm(a), cv::norm(b)));
  axis *= 1.0f / std::max(1e-6f, length);
  if (axis.x < 0) axis = -axis;
  return oriented_quad(box.center, axis, length, height);
}

}  // namespace

std::vector<Quad> light_plates(const cv::Mat& gray) {
  if (gray.type() != CV_8UC1) throw EngineError("light_plates needs an 8-bit gray image");
  if (gray.cols < 4 * kWindow || gray.rows < 2 * kWindow) return {};
  cv::Mat half, light;
  cv::resize(gray, half, cv::Size(gray.cols / 2, gray.rows / 2), 0, 0, cv::INTER_AREA);
  cv::adaptiveThreshold(half, light, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, kWindow, -kLighter);
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(light, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<Found> found;
  for (const std::vector<cv::Point>& contour : contours) {
    const double area = cv::contourArea(contour);
    if (area < kMinArea) continue;
    float length = 0, height = 0;
    const Quad outline = upright(cv::minAreaRect(contour), length, height);
    if (height < 4 || length < kMinLength || length > kMaxLength) continue;
    const float aspect = length / height;
    if (aspect < kMinAspect || aspect > kMaxAspect || area < kMinSolidity * length * height) continue;
    if (std::abs(outline.corners[1].y - outline.corners[0].y) > kMaxTilt * length) continue;
    const cv::Mat patch = warp_quad(half, outline, cv::Size(static_cast<int>(length), static_cast<int>(height)),
                                    cv::INTER_LINEAR);
    cv::Mat ground;
    cv::threshold(patch, ground, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const double ink = 1.0 - static_cast<double>(cv::countNonZero(ground)) / ground.total();
    if (ink < kMinInk || ink > kMaxInk) continue;
    const double contrast = cv::mean(patch, ground)[0] - cv::mean(patch, ~ground)[0];
    if (contrast < kMinContrast) continue;
    found.push_back({scaled(outline, 2.0f), contrast});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.contrast > b.contrast; });
  std::vector<Quad> outlines;
  for (const Found& f : found) outlines.push_back(f.outline);
  return outlines;
}

}  // namespace anpr::engine
