// Hyphen between plate characters; see plate_hyphen.h.
#include "edge/engine/plate_hyphen.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "edge/engine/char_blobs.h"
#include "edge/engine/component_box.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/upper_median.h"

namespace anpr::engine {
namespace {

// The plate is scaled to this height first, so the shape limits below hold
// for any plate size.
constexpr int kHeight = 48;
// Adaptive threshold window and offset: small enough that a hyphen close to
// a character stays a component of its own.
constexpr int kBlock = 11;
constexpr double kOffset = 4.0;

// Shape of a hyphen in character heights, from generated Latvian plates
// (day, night, 640x360 and 720p frames): widths 0.37-0.60 (5th-95th
// percentile), heights 0.15-0.32, width/height 1.5-3.3. The false bars on
// 2,916 Romanian and Spanish plates were 0.20-0.27 wide: kMinWidth lies
// between.
constexpr double kMinWidth = 0.32;
constexpr double kMaxWidth = 0.9;
constexpr double kMaxHeight = 0.35;
constexpr double kMinAspect = 1.0;  // width / height; blur rounds the bar's ends
constexpr double kMinFill = 0.6;
// Its centre this close to the row's middle, and each neighbour this close.
constexpr double kMaxOffCentre = 0.2;
constexpr double kMaxGap = 0.8;
// Other ink in the columns above and below the bar, as a share of the
// character-high box over it: a piece of a broken character has some.
constexpr double kMaxInkAround = 0.1;

struct Component {
  cv::Rect box;
  int pixels = 0;
  double centre_y() const { return box.y + box.height / 2.0; }
};

// The character row: blobs of character shape, of the median height and on
// one line, left to right.
std::vector<Component> characters(const std::vector<Component>& components, double& height, double& middle) {
  // The detector's character shape (char_blobs.h), but a single character:
  // nothing wider than 1.1 heights.
  BlobOptions shape;
  shape.min_height = static_cast<int>(std::ceil(0.15 * kHeight));
  shape.max_height = static_cast<int>(0.9 * kHeight);
  shape.max_aspect = 1.1;
  std::vector<Component> shaped;
  for (const Component& c : components) {
    if (is_char_shaped(c.box, c.pixels, shape) && c.box.y > 0 && c.box.br().y < kHeight) shaped.push_back(c);
  }
  if (shaped.size() < 2) return {};
  std::vector<double> heights, middles;
  for (const Component& c : shaped) {
    heights.push_back(c.box.height);
    middles.push_back(c.centre_y());
  }
  height = upper_median(std::move(heights));
  middle = upper_median(std::move(middles));
  std::vector<Component> row;
  for (const Component& c : shaped) {
    if (std::abs(c.box.height - height) < 0.2 * height && std::abs(c.centre_y() - middle) < 0.2 * height) {
      row.push_back(c);
    }
  }
  std::sort(row.begin(), row.end(), [](const Component& a, const Component& b) { return a.box.x < b.box.x; });
  return row;
}

bool is_hyphen(const Component& bar, const std::vector<Component>& row, double height, double middle,
               const cv::Mat& ink) {
  const cv::Rect& b = bar.box;
  if (b.width < kMinWidth * height || b.width > kMaxWidth * height || b.height > kMaxHeight * height) return false;
  if (b.width < kMinAspect * b.height || bar.pixels < kMinFill * b.area()) return false;
  if (std::abs(bar.centre_y() - middle) > kMaxOffCentre * height) return false;
  const Component* left = nullptr;
  const Component* right = nullptr;
  for (const Component& c : row) {
    if (c.box.br().x <= b.x + 1) left = &c;
    if (!right && c.box.x >= b.br().x - 1) right = &c;
  }
  if (!left || !right) return false;
  if (b.x - left->box.br().x > kMaxGap * height || right->box.x - b.br().x > kMaxGap * height) return false;
  const int top = std::max(0, static_cast<int>(middle - height / 2));
  const int bottom = std::min(ink.rows, static_cast<int>(middle + height / 2) + 1);
  if (bottom <= top) return false;
  const cv::Mat column = ink(cv::Range(top, bottom), cv::Range(b.x, b.br().x));
  const cv::Mat own = ink(cv::Range(b.y, b.br().y), cv::Range(b.x, b.br().x));
  const int around = cv::countNonZero(column) - cv::countNonZero(own);
  return around <= kMaxInkAround * b.width * height;
}

}  // namespace

bool has_hyphen(const cv::Mat& gray_plate) {
  if (gray_plate.type() != CV_8UC1) throw EngineError("has_hyphen needs an 8-bit gray image");
  if (gray_plate.rows < 4 || gray_plate.cols < 4) return false;
  const int width = std::max(8, static_cast<int>(std::lround(gray_plate.cols * double(kHeight) / gray_plate.rows)));
  cv::Mat scaled;
  cv::resize(gray_plate, scaled, cv::Size(width, kHeight), 0, 0, cv::INTER_AREA);
  cv::Mat ink;
  cv::adaptiveThreshold(scaled, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, kBlock, kOffset);
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<Component> components;
  for (int i = 1; i < count; ++i) {
    components.push_back({component_box(stats, i), stats.at<int>(i, cv::CC_STAT_AREA)});
  }
  double height = 0, middle = 0;
  const std::vector<Component> row = characters(components, height, middle);
  if (row.empty()) return false;
  return std::any_of(components.begin(), components.end(),
                     [&](const Component& c) { return is_hyphen(c, row, height, middle, ink); });
}

}  // namespace anpr::engine
