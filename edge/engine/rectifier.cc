// Plate row rectification; see rectifier.h.
#include "edge/engine/rectifier.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/ink_gray.h"
#include "edge/engine/eu_band.h"

namespace anpr::engine {
namespace {

// Where the strip would be: left of the first character, as tall as the plate.
bool eu_band_left_of(const cv::Mat& bgr, const Quad& row) {
  const float h = quad_height(row);
  const Quad beside = grown(row, 0.9f * h, 0.05f * h - quad_width(row), 0.25f * h, 0.25f * h);
  return is_eu_band(warp_quad(bgr, beside, {12, 24}, cv::INTER_LINEAR));
}

}  // namespace

double estimate_shear(const cv::Mat& gray_row, double max_shear) {
  if (gray_row.empty() || gray_row.type() != CV_8UC1) throw EngineError("shear estimation needs an 8-bit gray row");
  cv::Mat dark;
  cv::threshold(gray_row, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  std::vector<cv::Point> strokes;
  cv::findNonZero(dark, strokes);
  const double centre = gray_row.rows / 2.0;
  const int reach = static_cast<int>(std::ceil(max_shear * centre)) + 1;
  std::vector<int> columns(gray_row.cols + 2 * reach);
  constexpr double kStep = 0.025;
  double best_shear = 0, best_score = -1;
  const int steps = static_cast<int>(std::floor(max_shear / kStep));
  for (int k = -steps; k <= steps; ++k) {
    const double s = k * kStep;
    std::fill(columns.begin(), columns.end(), 0);
    for (const cv::Point& p : strokes) ++columns[reach + static_cast<int>(std::lround(p.x + s * (p.y - centre)))];
    double score = 0;
    for (int c : columns) score += static_cast<double>(c) * c;
    // Strictly better, or as good and less slanted: no shear without evidence.
    if (score > best_score || (score == best_score && std::abs(s) < std::abs(best_shear))) {
      best_score = score;
      best_shear = s;
    }
  }
  return best_shear;
}

RectifiedPlate rectify(const cv::Mat& bgr, const PlateDetection& detection, const RectifierOptions& options) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw EngineError("rectification needs a non-empty BGR frame");
  if (options.row_height < 8) {
    throw EngineError("rectifier row_height " + std::to_string(options.row_height) + " is below 8 px");
  }
  RectifiedPlate plate;
  for (const Quad& row : detection.rows) {
    const float h = quad_height(row);
    const float pad_x = static_cast<float>(options.margin_x) * h, pad_y = static_cast<float>(options.margin_y) * h;
    const Quad padded = grown(row, pad_x, pad_x, pad_y, pad_y);
    const double scale = options.row_height / (h + 2 * pad_y);
    const cv::Size size(std::max(8, static_cast<int>(std::lround((quad_width(row) + 2 * pad_x) * scale))),
                        options.row_height);
    cv::Mat colour = warp_quad(bgr, padded, size, cv::INTER_LINEAR);
    cv::Mat gray;
    cv::cvtColor(colour, gray, cv::COLOR_BGR2GRAY);
    // Measured on the text band alone: the margins hold the plate's frame or
    // the car, dark bands as wide as the row that only shearing moves off its
    // ends, so they outweigh the strokes and hold the measure at 0 (a
    // Ukrainian plate seen from a car's corner, slant 0.5, read `4733G`).
    const int margin_rows = static_cast<int>(pad_y * scale);
    const double shear = estimate_shear(gray.rowRange(margin_rows, gray.rows - margin_rows), options.max_shear);
    if (shear != 0) colour = warp_quad(bgr, padded, size, cv::INTER_LINEAR, shear);
    if (std::abs(shear) > std::abs(plate.shear)) plate.shear = shear;
    // A strip wider than half the row is a blue sign or car, not a plate band.
    int strip = leading_blue_columns(colour);
    if (strip * 2 > colour.cols) strip = 0;
    plate.eu_band = plate.eu_band || strip > 0;
    plate.rows.push_back(ink_gray(colour.colRange(strip, colour.cols)));
  }
  if (!detection.rows.empty()) plate.eu_band = plate.eu_band || eu_band_left_of(bgr, detection.rows.front());
  return plate;
}

}  // namespace anpr::engine
