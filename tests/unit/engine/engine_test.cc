// The whole engine on drawn frames: a Latvian plate is read exactly with its
// country, display and corners; a blank frame gives nothing; crops are read
// without a search; bad input and options are refused.
#include "edge/engine/engine.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

TEST(Engine, ReadsARenderedLatvianPlate) {
  Engine engine({});
  testing::PlateStyle style;
  style.roll_degrees = 6;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("AB-1234", style, {640, 360}, {330, 190}, &truth);
  const std::vector<PlateRead> reads = engine.read(frame);
  ASSERT_FALSE(reads.empty());
  const PlateRead& best = reads.front();
  EXPECT_EQ(best.text, "AB1234");
  EXPECT_EQ(best.display, "AB-1234");
  EXPECT_EQ(best.country, "LV");
  EXPECT_TRUE(best.eu_band);
  EXPECT_GT(best.confidence, 0.7);
  EXPECT_LE(best.confidence, 1.0);
  ASSERT_FALSE(best.candidates.empty());
  EXPECT_EQ(best.candidates.front().text, best.text);
  EXPECT_LE(best.candidates.size(), EngineOptions{}.top_n);
  // The reported box and corners sit on the plate.
  EXPECT_GT((best.box & truth).area(), best.box.area() / 2);
  for (const cv::Point2f& corner : best.corners) {
    EXPECT_TRUE(cv::Rect(truth.x - 10, truth.y - 10, truth.width + 20, truth.height + 20).contains(corner));
  }
}

TEST(Engine, ReadsTwoPlatesMostConfidentFirst) {
  Engine engine({});
  testing::PlateStyle style;
  cv::Mat frame = testing::render_scene("AB-1234", style, {800, 450}, {220, 150});
  testing::paste_plate(frame, "KLM 482", style, {560, 330});
  const std::vector<PlateRead> reads = engine.read(frame);
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_GE(reads[0].confidence, reads[1].confidence);
  std::vector<std::string> texts = {reads[0].text, reads[1].text};
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"AB1234", "KLM482"}));
}

TEST(Engine, BlankFrameYieldsNothing) {
  Engine engine({});
  EXPECT_TRUE(engine.read(cv::Mat(720, 1280, CV_8UC3, cv::Scalar(90, 95, 100))).empty());
  EXPECT_TRUE(engine.read(cv::Mat(240, 320, CV_8UC1, cv::Scalar(0))).empty());
}

TEST(Engine, ReadsACropWithoutSearching) {
  Engine engine({});
  testing::PlateStyle style;
  style.height = 36;
  const std::vector<PlateRead> reads = engine.read_crop(testing::render_plate("XY-5678", style));
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].text, "XY5678");
}

TEST(Engine, RefusesBadInputAndOptions) {
  Engine engine({});
  EXPECT_THROW(engine.read(cv::Mat()), EngineError);
  EXPECT_THROW(engine.read(cv::Mat(10, 10, CV_32FC1)), EngineError);
  EngineOptions unknown_hint;
  unknown_hint.country_hints = {"XX"};
  EXPECT_THROW(Engine{unknown_hint}, EngineError);
}

}  // namespace
}  // namespace anpr::engine
