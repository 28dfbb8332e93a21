// Plate-likeness of blob rows; see plate_score.h.
#include "edge/engine/plate_score.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace anpr::engine {
namespace {

constexpr double kFloor = 0.05;

// Text covers 20-50 % of the box tight around a plate's characters; the
// gaps between tail lights or the slats of a grille, which also chain into
// rows of blobs, are mostly dark or mostly light.
double ink_fit(double dark_share) {
  constexpr double kLow = 0.2, kHigh = 0.5;
  if (dark_share < kLow) return std::max(kFloor, dark_share / kLow);
  if (dark_share > kHigh) return std::max(kFloor, 1 - (dark_share - kHigh) / (1 - kHigh));
  return 1.0;
}

// Plates carry 5-8 characters a row (2-5 on two-row plates); rows far
// outside that are more often other text.
double count_fit(int chars, std::size_t rows) {
  const int low = rows == 1 ? 5 : 2, high = rows == 1 ? 8 : 5;
  if (chars >= low && chars <= high) return 1.0;
  const int off = chars < low ? low - chars : chars - high;
  return std::max(0.2, 1.0 - 0.25 * off);
}

double height_regularity(const TextLine& line) {
  double sum = 0, sq = 0;
  for (const cv::Rect& r : line.chars) {
    sum += r.height;
    sq += static_cast<double>(r.height) * r.height;
  }
  const double n = static_cast<double>(line.chars.size());
  const double mean = sum / n;
  const double spread = std::sqrt(std::max(0.0, sq / n - mean * mean)) / mean;
  return std::max(0.2, 1.0 - 2 * spread);
}

// Plate characters mostly stand apart; a row that is a few wide blobs
// counted as many characters is more often a blurred light, a grille or a
// decoration than text whose characters all ran together.
double separation(const TextLine& line) {
  return std::max(0.3, std::min(1.0, static_cast<double>(line.chars.size()) / line.char_count));
}

}  // namespace

RowGround row_ground(const cv::Mat& gray, const TextLine& row) {
  const cv::Size size(std::max(4, static_cast<int>(quad_width(row.quad))),
                      std::max(4, static_cast<int>(quad_height(row.quad))));
  const cv::Mat patch = warp_quad(gray, row.quad, size, cv::INTER_LINEAR);
  cv::Mat mask;
  cv::threshold(patch, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::Mat dark_mask = ~mask;
  return {cv::mean(patch, mask)[0], cv::mean(patch, dark_mask)[0],
          static_cast<double>(cv::countNonZero(dark_mask)) / dark_mask.total()};
}

double plate_likeness(const std::vector<const TextLine*>& rows, const std::vector<RowGround>& grounds,
                      bool short_plate) {
  if (rows.empty()) return 0;
  double score = 1.0;
  int chars = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TextLine* row = rows[i];
    const RowGround& ground = grounds.at(i);
    // Night frames give 40-60 levels between text and plate; more is no
    // better evidence.
    const double contrast = std::clamp((ground.light - ground.dark) / 64.0, kFloor, 1.0);
    score = std::min(score, contrast * height_regularity(*row) * ink_fit(ground.dark_share) * separation(*row));
    chars += row->char_count;
  }
  if (short_plate) return score;
  return score * count_fit(rows.size() == 1 ? chars : chars / static_cast<int>(rows.size()), rows.size());
}

bool plain_ground_beside(const cv::Mat& gray, const TextLine& row, const RowGround& ground) {
  constexpr double kReach = 1.0;        // character heights looked at beyond each end
  constexpr double kLightShare = 0.75;  // of the way from the text's gray to the ground's
  constexpr double kMaxInk = 0.08;      // share of the strip darker than midway between them
  const float width = quad_width(row.quad), height = quad_height(row.quad);
  const float reach = static_cast<float>(kReach) * row.char_height;
  if (width < 1 || height < 4 || reach < 4) return false;
  const double light_floor = ground.dark + kLightShare * (ground.light - ground.dark);
  const double ink_level = (ground.dark + ground.light) / 2;
  const cv::Size size(std::max(4, static_cast<int>(reach)), std::max(4, static_cast<int>(height)));
  for (const Quad& side : {grown(row.quad, reach, -width, 0, 0), grown(row.quad, -width, reach, 0, 0)}) {
    const cv::Mat strip = warp_quad(gray, side, size, cv::INTER_LINEAR);
    cv::Mat ink;
    cv::threshold(strip, ink, ink_level, 255, cv::THRESH_BINARY_INV);
    if (cv::mean(strip)[0] < light_floor || cv::countNonZero(ink) > kMaxInk * ink.total()) return false;
  }
  return true;
}

}  // namespace anpr::engine
