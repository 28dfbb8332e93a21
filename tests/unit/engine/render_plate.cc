// Synthetic plate rendering for tests; see render_plate.h.
#include "tests/unit/engine/render_plate.h"

#include <array>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace anpr::engine::testing {

// From fonts-opendin, a dependency of the project (./run deps).
constexpr char kFont[] = "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf";

cv::Ptr<cv::freetype::FreeType2> din_font() {
  if (!std::filesystem::exists(kFont)) throw std::runtime_error(std::string("test font missing: ") + kFont);
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData(kFont, 0);
  return font;
}

namespace {

// A plate of one, two or three rows: a row's capital height and the rows'
// centres in units of the plate's height, the plate's size in mm.
struct RowsLayout {
  double cap;
  int width_mm, height_mm;
  std::vector<double> centres;
};
const std::array<RowsLayout, 3> kRowsLayouts = {{{75.0 / 110, 520, 110, {0.5}},
                                                 {70.0 / 200, 280, 200, {0.29, 0.71}},
                                                 {0.22, 220, 170, {0.22, 0.5, 0.78}}}};

}  // namespace

cv::Mat render_plate(const std::string& text, const PlateStyle& style) {
  const int h = style.height;
  if (style.rows < 1 || style.rows > 3) throw std::runtime_error("render_plate draws 1 to 3 rows");
  const RowsLayout& layout = kRowsLayouts[style.rows - 1];
  const double cap = layout.cap;
  const int w = h * layout.width_mm / layout.height_mm;
  const int unit = h * 110 / layout.height_mm;  // the height of a one-row plate's text band (the strip's scale)
  cv::Mat plate(h, w, CV_8UC3, cv::Scalar(238, 240, 240));
  cv::rectangle(plate, cv::Rect(0, 0, w, h), cv::Scalar(20, 20, 20), std::max(1, h / 22));
  const int gap = static_cast<int>(unit * style.text_gap);
  int text_left = gap;
  if (style.eu_band) {
    const int band = unit * 40 / 110;
    cv::rectangle(plate, cv::Rect(h / 22, h / 22, band, h - h / 11), cv::Scalar(153, 51, 0), cv::FILLED);
    text_left = band + gap;
  }
  static const cv::Ptr<cv::freetype::FreeType2> font = din_font();
  if (style.eu_band && !style.band_code.empty()) {
    // A ring of yellow dots for the stars, the code under it, as on the plate.
    const int band = unit * 40 / 110, cx = h / 22 + band / 2;
    for (int k = 0; k < 12; ++k) {
      const double a = k * CV_PI / 6;
      cv::circle(plate, cv::Point(cx + static_cast<int>(band * 0.3 * std::cos(a)), h / 3 + static_cast<int>(band * 0.3 * std::sin(a))),
                 std::max(1, band / 14), cv::Scalar(0, 204, 255), cv::FILLED);
    }
    const int code_size = unit * 24 / 110;
    int baseline = 0;
    const cv::Size extent = font->getTextSize(style.band_code, code_size, -1, &baseline);
    font->putText(plate, style.band_code, cv::Point(cx - extent.width / 2, h - h / 22 - unit * 8 / 110), code_size,
                  cv::Scalar(255, 255, 255), -1, cv::LINE_AA, true);
  }
  // Font size is the em height; a capital of DIN is about 0.72 of it.
  const int font_size = static_cast<int>(h * cap * 100 / 72);
  // Each row and its centre: the text split at its first spaces, one row a space.
  std::vector<std::pair<std::string, double>> rows;
  std::size_t start = 0;
  for (std::size_t i = 0; i < layout.centres.size(); ++i) {
    const std::size_t end = i + 1 == layout.centres.size() ? std::string::npos : text.find(' ', start);
    rows.emplace_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start),
                      layout.centres[i]);
    start = end + 1;
  }
  const int cell = static_cast<int>(style.cell * h * cap);
  for (const auto& [row, centre] : rows) {
    int baseline = 0;
    const cv::Size extent = font->getTextSize(row, font_size, -1, &baseline);
    const int row_width = cell > 0 ? cell * static_cast<int>(row.size()) : extent.width;
    int left = style.centred ? (text_left + w - unit / 5 - row_width) / 2 : text_left;
    const int base = static_cast<int>(h * centre + extent.height / 2.0);
    if (style.text_frame && style.rows == 1) {
      const int rule = std::max(1, h / 22);
      const int cap_top = base - static_cast<int>(h * cap);
      cv::rectangle(plate, cv::Point(left - gap / 2, cap_top - rule / 2 - 1), cv::Point(w - gap / 2, base + rule / 2),
                    cv::Scalar(25, 22, 20), rule);
    }
    if (cell == 0) {
      font->putText(plate, row, cv::Point(left, base), font_size, cv::Scalar(25, 22, 20), -1, cv::LINE_AA, true);
      continue;
    }
    for (const char c : row) {
      const std::string glyph(1, c);
      const int width = font->getTextSize(glyph, font_size, -1, &baseline).width;
      font->putText(plate, glyph, cv::Point(left + (cell - width) / 2, base), font_size, cv::Scalar(25, 22, 20), -1,
                    cv::LINE_AA, true);
      left += cell;
    }
  }
  return plate;
}

void paste_plate(cv::Mat& scene, const std::string& text, const PlateStyle& style, cv::Point centre,
                 cv::Rect* outline) {
  const cv::Mat plate = render_plate(text, style);
  cv::Mat rotation = cv::getRotationMatrix2D(cv::Point2f(plate.cols / 2.0f, plate.rows / 2.0f),
                                                   style.roll_degrees, 1.0);
  if (style.slant != 0) {
    cv::Mat slant = cv::Mat::eye(3, 3, CV_64F);
    slant.at<double>(0, 1) = -style.slant;
    slant.at<double>(0, 2) = style.slant * plate.rows / 2.0;
    rotation = rotation * slant;
  }
  rotation.at<double>(0, 2) += centre.x - plate.cols / 2.0;
  rotation.at<double>(1, 2) += centre.y - plate.rows / 2.0;
  cv::Mat mask(plate.size(), CV_8UC1, cv::Scalar(255)), warped_mask;
  cv::Mat warped;
  cv::warpAffine(plate, warped, rotation, scene.size(), cv::INTER_LINEAR);
  cv::warpAffine(mask, warped_mask, rotation, scene.size(), cv::INTER_NEAREST);
  warped.copyTo(scene, warped_mask);
  if (outline) *outline = cv::boundingRect(warped_mask);
}

cv::Mat render_scene(const std::string& text, const PlateStyle& style, cv::Size size, cv::Point centre,
                     cv::Rect* outline) {
  cv::Mat scene(size, CV_8UC3);
  cv::RNG rng(12345);
  rng.fill(scene, cv::RNG::UNIFORM, cv::Scalar(60, 60, 60), cv::Scalar(110, 110, 110));
  cv::GaussianBlur(scene, scene, cv::Size(0, 0), 3);
  // A car's rear: a darker body with a lighter bumper under the plate.
  cv::rectangle(scene, cv::Rect(centre.x - size.width / 4, centre.y - size.height / 5, size.width / 2, size.height / 3),
                cv::Scalar(40, 40, 90), cv::FILLED);
  paste_plate(scene, text, style, centre, outline);
  return scene;
}

}  // namespace anpr::engine::testing
