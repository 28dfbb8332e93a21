// Plates found by their light ground (plate_ground.h) on drawn scenes: a
// plate blurred until its characters run together and into its frame is
// still found, by the detector too; one whose row was found comes after the
// rows, flagged; and a light panel without text is not a plate.
#include "edge/engine/plate_ground.h"

#include <algorithm>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/plate_detector.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

// A small plate in a 720p frame smeared by motion along the road and out of
// focus, as a car passing a roadside camera at speed.
cv::Mat blurred_scene(cv::Rect& truth) {
  testing::PlateStyle style;
  style.height = 24;
  cv::Mat frame = testing::render_scene("AB-1234", style, {1280, 720}, {640, 400}, &truth);
  cv::blur(frame, frame, cv::Size(13, 1));
  cv::GaussianBlur(frame, frame, cv::Size(), 1.8);
  cv::Mat gray;
  cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

double covered(const cv::Rect& truth, const Quad& quad) {
  const cv::Rect box = bounding_box(quad, cv::Size(1 << 20, 1 << 20));
  return static_cast<double>((truth & box).area()) / truth.area();
}

TEST(PlateGround, FindsABlurredPlateWhoseCharactersMadeNoRow) {
  cv::Rect truth;
  const cv::Mat gray = blurred_scene(truth);
  const std::vector<Quad> plates = light_plates(gray);
  ASSERT_FALSE(plates.empty());
  EXPECT_GT(covered(truth, plates.front()), 0.6) << "the light ground is most of the plate";
  const std::vector<PlateDetection> found = detect_plates(gray, {});
  const auto plate = std::find_if(found.begin(), found.end(), [&](const PlateDetection& d) {
    return d.from_ground && covered(truth, d.outline) > 0.6;
  });
  ASSERT_NE(plate, found.end()) << "the blurred plate was not among the detector's candidates";
  EXPECT_GT(plate->char_height, 0.5 * truth.height);
  EXPECT_EQ(plate->rows.size(), 1u);
}

TEST(PlateGround, APlateWhoseRowWasFoundComesLastFlagged) {
  // A sharp plate: its row is a candidate of about the light plate's size,
  // so the light plate is kept behind every other candidate, flagged for the
  // engine to read only if the row's read comes out short.
  testing::PlateStyle style;
  style.height = 30;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("AB-1234", style, {1280, 720}, {640, 400}, &truth);
  cv::Mat gray;
  cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
  const std::vector<PlateDetection> found = detect_plates(gray, {});
  ASSERT_FALSE(found.empty());
  EXPECT_FALSE(found.front().from_ground);
  EXPECT_GT(covered(truth, found.front().outline), 0.6);
  const auto ground = std::find_if(found.begin(), found.end(), [](const PlateDetection& d) { return d.from_ground; });
  ASSERT_NE(ground, found.end()) << "the light plate was not found: the drawing no longer tests the flag";
  EXPECT_TRUE(ground->behind_candidate);
  EXPECT_TRUE(std::all_of(ground, found.end(), [](const PlateDetection& d) { return d.behind_candidate; }));
}

TEST(PlateGround, ALightPanelWithoutTextIsNoPlate) {
  cv::Mat gray(720, 1280, CV_8UC1, cv::Scalar(90));
  cv::rectangle(gray, cv::Rect(600, 380, 110, 24), cv::Scalar(220), cv::FILLED);
  EXPECT_TRUE(light_plates(gray).empty());
}

TEST(PlateGround, RefusesAColourImage) {
  EXPECT_THROW(light_plates(cv::Mat(720, 1280, CV_8UC3, cv::Scalar::all(90))), std::exception);
}

}  // namespace
}  // namespace anpr::engine
