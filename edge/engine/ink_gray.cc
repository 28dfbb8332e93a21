// The reader's gray with validity stickers painted out; see ink_gray.h.
#include "edge/engine/ink_gray.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "edge/engine/component_box.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/upper_median.h"

namespace anpr::engine {
namespace {

// Measured with bench/engine/sticker_chroma.py on real plates of ../shared
// (docs/recognition.md, "Stop 14"): stickers average a balanced chroma (max
// - min of the three channels, each divided by the ground's) of 0.26-0.41,
// sticker-shaped colour fringes of ink under a dash-cam's colour cast
// 0.21-0.23.
constexpr double kColouredPixel = 0.2;   // a pixel counts as coloured from here
constexpr double kColouredDisc = 0.24;   // a disc's mean
constexpr double kColouredPair = 0.3;    // the more coloured disc of a pair
// A disc's brightest channel, as a share of the ground's: darker is ink,
// brighter is a lamp or glare, not a sticker on the plate.
constexpr double kMinBrightness = 0.35;
constexpr double kMaxBrightness = 1.2;
// A sticker's diameter as a share of the part's height (a third of a
// character; a part is a plate or a text row with margins).
constexpr double kMinDiameter = 0.08;
constexpr double kMaxDiameter = 0.38;
constexpr double kMinFill = 0.5;  // of its bounding box; an arc of fringe fills less

struct Disc {
  int label;
  cv::Point2d centre;
  double diameter;
  double chroma;
};

// Whether `upper` and `lower` are stacked like the two stickers around a hyphen.
bool stacked_pair(const Disc& upper, const Disc& lower) {
  const double d = std::max(upper.diameter, lower.diameter);
  const double dy = lower.centre.y - upper.centre.y;
  return std::abs(upper.centre.x - lower.centre.x) <= 0.5 * d && dy >= 1.2 * d && dy <= 3.5 * d &&
         std::min(upper.diameter, lower.diameter) >= 0.6 * d &&
         std::max(upper.chroma, lower.chroma) >= kColouredPair;
}

// Whether a row of `ink` (CV_8U, 0 or 255) holds a run of at least
// `length` pixels that ends before both of its edges: a bar standing free,
// not a letter's arm running in from the side.
bool free_bar(const cv::Mat& ink_row, double length) {
  int start = -1;
  for (int x = 0; x <= ink_row.cols; ++x) {
    const bool on = x < ink_row.cols && ink_row.at<uchar>(0, x) != 0;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      if (start > 0 && x < ink_row.cols && x - start >= length) return true;
      start = -1;
    }
  }
  return false;
}

// Whether a hyphen lies just under (`direction` 1) or over (-1) `disc`: the
// first bar of dark, uncoloured ink met going away from it, 0.7 to 2
// diameters from its centre and within 0.75 sideways, is thin, free and at
// least 0.4 diameters long. Some cars carry one sticker only, or a gray
// stamp as the other.
bool hyphen_beside(const cv::Mat& gray, const cv::Mat& coloured, double ground_gray, const Disc& disc,
                   int direction) {
  const double d = disc.diameter;
  const auto at = [](double v) { return static_cast<int>(std::lround(v)); };
  const int y_near = at(disc.centre.y + direction * 0.7 * d), y_far = at(disc.centre.y + direction * 2.0 * d);
  const cv::Rect band = cv::Rect(cv::Point(at(disc.centre.x - 0.75 * d), std::min(y_near, y_far)),
                                 cv::Point(at(disc.centre.x + 0.75 * d) + 1, std::max(y_near, y_far) + 1)) &
                        cv::Rect(0, 0, gray.cols, gray.rows);
  if (band.height < 3 || band.width < 3) return false;
  const cv::Mat ink = (gray(band) < 0.6 * ground_gray) & ~coloured(band);
  // Walking away from the disc: the first bar met must be thin.
  int bar_rows = 0;
  for (int i = 0; i < ink.rows; ++i) {
    const int y = direction > 0 ? i : ink.rows - 1 - i;
    if (free_bar(ink.row(y), 0.4 * d)) {
      ++bar_rows;
    } else if (bar_rows > 0) {
      break;
    }
  }
  return bar_rows >= 1 && bar_rows <= std::max(1.0, 0.5 * d);
}

}  // namespace

cv::Mat ink_gray(const cv::Mat& bgr_part) {
  if (bgr_part.empty() || bgr_part.type() != CV_8UC3) throw EngineError("ink_gray needs a non-empty BGR image");
  cv::Mat gray;
  cv::cvtColor(bgr_part, gray, cv::COLOR_BGR2GRAY);
  // The ground: the brighter half of the part.
  const cv::Mat ground = gray >= upper_median(std::vector<uchar>(gray.begin<uchar>(), gray.end<uchar>()));
  const cv::Scalar ground_bgr = cv::mean(bgr_part, ground);
  const double ground_gray = cv::mean(gray, ground)[0];
  if (ground_gray < 40) return gray;  // too dark to balance colour on

  cv::Mat balanced;
  bgr_part.convertTo(balanced, CV_32FC3);
  std::array<cv::Mat, 3> channel;
  cv::split(balanced, channel.data());
  for (int c = 0; c < 3; ++c) channel[c] /= std::max(1.0, ground_bgr[c]);
  const cv::Mat hi = cv::max(cv::max(channel[0], channel[1]), channel[2]);
  const cv::Mat chroma = hi - cv::min(cv::min(channel[0], channel[1]), channel[2]);
  const cv::Mat coloured = (chroma > kColouredPixel) & (hi > kMinBrightness);

  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(coloured, labels, stats, centroids, 8, CV_32S);
  const double rows = bgr_part.rows;
  std::vector<Disc> discs;
  for (int i = 1; i < n; ++i) {
    const cv::Rect box = component_box(stats, i);
    const double diameter = 0.5 * (box.width + box.height);
    const double aspect = static_cast<double>(box.width) / box.height;
    const double fill = stats.at<int>(i, cv::CC_STAT_AREA) / static_cast<double>(box.area());
    if (diameter < kMinDiameter * rows || diameter > kMaxDiameter * rows || aspect < 0.6 || aspect > 1.6 ||
        fill < kMinFill) {
      continue;
    }
    const cv::Mat own = labels(box) == i;
    const double brightness = cv::mean(hi(box), own)[0];
    const double disc_chroma = cv::mean(chroma(box), own)[0];
    if (brightness > kMaxBrightness || disc_chroma < kColouredDisc) continue;
    discs.push_back({i, {centroids.at<double>(i, 0), centroids.at<double>(i, 1)}, diameter, disc_chroma});
  }
  cv::Mat marks = cv::Mat::zeros(gray.size(), CV_8U);
  for (const Disc& disc : discs) {
    const bool paired = std::any_of(discs.begin(), discs.end(), [&](const Disc& other) {
      return &other != &disc && (stacked_pair(disc, other) || stacked_pair(other, disc));
    });
    // A lone sticker sits between two groups, never where the EU strip's stars are.
    const double across = disc.centre.x / bgr_part.cols;
    const bool beside_hyphen = disc.chroma >= kColouredPair && across >= 0.3 && across <= 0.9 &&
                               (hyphen_beside(gray, coloured, ground_gray, disc, 1) ||
                                hyphen_beside(gray, coloured, ground_gray, disc, -1));
    if (paired || beside_hyphen) marks.setTo(255, labels == disc.label);
  }
  if (cv::countNonZero(marks) == 0) return gray;
  // A sticker's rim is darker and less coloured than its face.
  cv::dilate(marks, marks, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
  gray.setTo(cv::saturate_cast<uchar>(ground_gray), marks);
  return gray;
}

}  // namespace anpr::engine
