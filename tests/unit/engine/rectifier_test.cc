// The rectifier alone: fixed-height rows, the EU strip noticed and cut off,
// and slant measured from the strokes and undone.
#include "edge/engine/rectifier.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/eu_band.h"
#include "edge/engine/plate_detector.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

PlateDetection detect_one(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  const std::vector<PlateDetection> found = detect_plates(gray, {});
  if (found.empty()) throw std::runtime_error("test scene has no detectable plate");
  return found.front();
}

TEST(Rectifier, RowsHaveTheConfiguredHeightAndPlateProportions) {
  testing::PlateStyle style;
  style.roll_degrees = -9;
  const cv::Mat frame = testing::render_scene("AB-1234", style, {640, 360}, {320, 180});
  RectifierOptions options;
  options.row_height = 40;
  const RectifiedPlate plate = rectify(frame, detect_one(frame), options);
  ASSERT_EQ(plate.rows.size(), 1u);
  EXPECT_EQ(plate.rows[0].rows, 40);
  EXPECT_EQ(plate.rows[0].type(), CV_8UC1);
  // Seven condensed characters, about 0.4 of their height wide each, plus
  // margins: several heights wide, as the text is.
  EXPECT_GT(plate.rows[0].cols, 2 * 40);
  EXPECT_LT(plate.rows[0].cols, 8 * 40);
}

TEST(Rectifier, NoticesTheEuStrip) {
  testing::PlateStyle style;
  const cv::Mat eu = testing::render_scene("AB-1234", style, {640, 360}, {320, 180});
  EXPECT_TRUE(rectify(eu, detect_one(eu), {}).eu_band);
  style.eu_band = false;
  const cv::Mat plain = testing::render_scene("AB-1234", style, {640, 360}, {320, 180});
  EXPECT_FALSE(rectify(plain, detect_one(plain), {}).eu_band);
}

TEST(Rectifier, CutsAStripInsideTheRowOff) {
  cv::Mat row(48, 200, CV_8UC3, cv::Scalar(240, 240, 240));
  cv::rectangle(row, cv::Rect(0, 0, 30, 48), cv::Scalar(153, 51, 0), cv::FILLED);
  EXPECT_EQ(leading_blue_columns(row), 30);
  EXPECT_GT(blue_share(row), 0.1);
  EXPECT_EQ(leading_blue_columns(cv::Mat(48, 200, CV_8UC3, cv::Scalar(240, 240, 240))), 0);
}

TEST(Rectifier, MeasuresSlant) {
  // Vertical bars sheared so that x grows by 0.2 px per px downwards: the
  // correction is the opposite shear.
  cv::Mat row(48, 200, CV_8UC1, cv::Scalar(230));
  for (int x = 20; x < 180; x += 25) {
    const cv::Point top(x, 4), bottom(x + static_cast<int>(0.2 * 40), 44);
    cv::line(row, top, bottom, cv::Scalar(20), 4);
  }
  EXPECT_NEAR(estimate_shear(row, 0.35), -0.2, 0.03);
  cv::Mat upright(48, 200, CV_8UC1, cv::Scalar(230));
  for (int x = 20; x < 180; x += 25) cv::line(upright, {x, 4}, {x, 44}, cv::Scalar(20), 4);
  EXPECT_NEAR(estimate_shear(upright, 0.35), 0.0, 0.03);
}

TEST(Rectifier, UnslantsARowBetweenDarkMargins) {
  // A plate seen from a car's front corner: light ground only a little
  // taller than its text, the dark car above and below, strokes slanted 0.5
  // (x grows 0.5 px per px upwards). The row's margins are mostly car.
  constexpr double kSlant = 0.5;
  cv::Mat frame(200, 400, CV_8UC3, cv::Scalar(30, 30, 30));
  const auto at = [&](double x, double y) { return cv::Point(cvRound(x + kSlant * (100 - y)), cvRound(y)); };
  const std::vector<cv::Point> ground = {at(50, 66), at(350, 66), at(350, 134), at(50, 134)};
  cv::fillConvexPoly(frame, ground, cv::Scalar(225, 225, 225));
  for (int x = 80; x < 330; x += 36) cv::line(frame, at(x, 72), at(x, 128), cv::Scalar(20, 20, 20), 6);
  PlateDetection detection;
  detection.rows = {Quad{{cv::Point2f(60, 70), cv::Point2f(340, 70), cv::Point2f(340, 130), cv::Point2f(60, 130)}}};
  detection.outline = detection.rows.front();
  const RectifiedPlate plate = rectify(frame, detection, {});
  ASSERT_EQ(plate.rows.size(), 1u);
  const cv::Mat& row = plate.rows.front();
  const int margin = static_cast<int>(0.25 * row.rows / 1.5) + 1;
  EXPECT_NEAR(estimate_shear(row.rowRange(margin, row.rows - margin), 0.6), 0.0, 0.1);
}

TEST(Rectifier, RefusesAGrayFrame) {
  EXPECT_THROW(rectify(cv::Mat(10, 10, CV_8UC1), PlateDetection{}, {}), EngineError);
}

}  // namespace
}  // namespace anpr::engine
