// Evidence JPEGs: sizes near the NASPLE targets, decodable, the plate patch
// actually showing the plate region.
#include <gtest/gtest.h>

#include <random>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/evidence/evidence.h"

namespace {

// A 1280x720 road-like frame with texture (noise compresses badly, so the
// quality search has to work) and a white plate with black characters.
cv::Mat scene() {
  cv::Mat frame(720, 1280, CV_8UC3);
  cv::randu(frame, cv::Scalar::all(60), cv::Scalar::all(140));
  cv::GaussianBlur(frame, frame, cv::Size(5, 5), 0);
  cv::rectangle(frame, cv::Rect(600, 400, 220, 48), cv::Scalar::all(245), cv::FILLED);
  cv::putText(frame, "AB-1234", cv::Point(612, 440), cv::FONT_HERSHEY_SIMPLEX, 1.3, cv::Scalar::all(10), 3);
  return frame;
}

cv::Mat decode(const std::string& jpeg) {
  return cv::imdecode(std::vector<uchar>(jpeg.begin(), jpeg.end()), cv::IMREAD_COLOR);
}

TEST(Evidence, OverviewFitsTargetAndIsScaledDown) {
  std::string jpeg = anpr::evidence::overview(scene());
  EXPECT_LE(jpeg.size(), 25u * 1024);
  EXPECT_GT(jpeg.size(), 10u * 1024) << "quality search gave up too much";
  cv::Mat back = decode(jpeg);
  ASSERT_FALSE(back.empty());
  EXPECT_EQ(back.cols, 960);
  EXPECT_EQ(back.rows, 540);
}

TEST(Evidence, PlatePatchFitsTargetAndShowsThePlate) {
  std::string jpeg = anpr::evidence::plate_patch(scene(), cv::Rect(600, 400, 220, 48));
  EXPECT_LE(jpeg.size(), 3u * 1024);
  EXPECT_GT(jpeg.size(), 1024u);
  cv::Mat back = decode(jpeg);
  ASSERT_FALSE(back.empty());
  EXPECT_GE(back.cols, 220);
  EXPECT_GE(back.rows, 48);
  cv::Mat gray;
  cv::cvtColor(back, gray, cv::COLOR_BGR2GRAY);
  double min = 0, max = 0;
  cv::minMaxLoc(gray, &min, &max);
  EXPECT_GT(max, 200) << "white plate background missing";
  EXPECT_LT(min, 60) << "dark characters missing";
}

TEST(Evidence, PatchClippedAtFrameEdgeAndEmptyOutside) {
  cv::Mat frame = scene();
  EXPECT_FALSE(anpr::evidence::plate_patch(frame, cv::Rect(1200, 700, 200, 50)).empty());
  EXPECT_TRUE(anpr::evidence::plate_patch(frame, cv::Rect(2000, 2000, 100, 30)).empty());
}

TEST(Evidence, SmallPlateIsScaledUp) {
  std::string jpeg = anpr::evidence::plate_patch(scene(), cv::Rect(600, 400, 110, 24));
  cv::Mat back = decode(jpeg);
  ASSERT_FALSE(back.empty());
  EXPECT_GE(back.rows, 40);
}

TEST(Evidence, EncodeToSizeUsesHighestQualityThatFits) {
  cv::Mat frame = scene();
  std::string small = anpr::evidence::encode_to_size(frame, 40 * 1024);
  std::string large = anpr::evidence::encode_to_size(frame, 120 * 1024);
  EXPECT_LE(small.size(), 40u * 1024);
  EXPECT_LE(large.size(), 120u * 1024);
  EXPECT_GT(large.size(), small.size());
}

}  // namespace
