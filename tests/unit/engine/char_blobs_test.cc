// Blob finding on drawn plates: each character of a clean plate is a blob,
// faint small ones on a plate in a dark surround are found, a blank or solid
// image gives none, and bad input is refused.
#include "edge/engine/char_blobs.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/text_lines.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

cv::Mat gray_of(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

TEST(CharBlobs, FindsEveryCharacterOfACleanPlate) {
  // DIN's K and X touch at this size: one blob, counted as two characters.
  testing::PlateStyle style;
  style.height = 60;
  cv::Mat frame(200, 400, CV_8UC3, cv::Scalar(90, 90, 90));
  testing::paste_plate(frame, "KX4821", style, {200, 100});
  const std::vector<cv::Rect> blobs = char_blobs(gray_of(frame), {});
  int character_sized = 0;
  for (const cv::Rect& b : blobs) {
    if (b.height > 0.5 * style.height && b.height < 0.85 * style.height) character_sized += characters_in(b);
  }
  EXPECT_EQ(character_sized, 6);
}

// A small plate whose frame runs along its characters' tops and bottoms (a
// holder's frame; Romanian and Croatian plates set their own that close):
// frame and characters are one component, whose characters are blobs once
// the frame's long edges are cut from it (docs/recognition.md, stop 25).
TEST(CharBlobs, FreesCharactersTouchingTheirFrame) {
  testing::PlateStyle style;
  style.height = 26;
  style.text_frame = true;
  cv::Mat frame(120, 260, CV_8UC3, cv::Scalar(150, 150, 150));
  testing::paste_plate(frame, "B961TAG", style, {130, 60});
  const auto characters = [&](bool free_framed) {
    BlobOptions options;
    options.free_framed = free_framed;
    int n = 0;
    for (const cv::Rect& b : char_blobs(gray_of(frame), options)) {
      if (b.height > 0.4 * style.height && b.height < 0.8 * style.height && b.width < b.height) ++n;
    }
    return n;
  };
  EXPECT_LE(characters(false), 2);
  EXPECT_GE(characters(true), 6);
}

TEST(CharBlobs, BlankImagesAndNonCharacterShapesHaveNone) {
  EXPECT_TRUE(char_blobs(cv::Mat(120, 160, CV_8UC1, cv::Scalar(128)), {}).empty());
  cv::Mat shapes(120, 300, CV_8UC1, cv::Scalar(200));
  cv::line(shapes, {20, 30}, {280, 30}, cv::Scalar(10), 3);               // a wire: far too wide
  cv::rectangle(shapes, cv::Rect(40, 60, 4, 4), cv::Scalar(10), cv::FILLED);  // a speck: too small
  cv::rectangle(shapes, cv::Rect(100, 50, 60, 60), cv::Scalar(10), 1);        // an outline: too sparse
  EXPECT_TRUE(char_blobs(shapes, {}).empty());
}

TEST(CharBlobs, FindsFaintSmallCharactersOnAPlateInADarkSurround) {
  // A 20 px plate at night: characters only 30 levels darker than their
  // ground, the car around it far darker. A 21 px window takes in so much of
  // the surround that its mean falls below the characters' gray.
  cv::Mat gray(80, 200, CV_8UC1, cv::Scalar(20));
  const cv::Rect plate(40, 30, 110, 20);
  cv::rectangle(gray, plate, cv::Scalar(110), cv::FILLED);
  for (int i = 0; i < 6; ++i) {
    const int x = 50 + i * 15;
    cv::line(gray, {x, 34}, {x, 45}, cv::Scalar(80), 2);
    cv::line(gray, {x + 7, 34}, {x + 7, 45}, cv::Scalar(80), 2);
    cv::line(gray, {x, 40}, {x + 7, 40}, cv::Scalar(80), 2);
  }
  cv::GaussianBlur(gray, gray, cv::Size(3, 3), 0.8);
  const auto on_plate = [&](const BlobOptions& options) {
    int n = 0;
    for (const cv::Rect& b : char_blobs(gray, options)) n += (b & plate) == b;
    return n;
  };
  EXPECT_EQ(on_plate({}), 6);
  BlobOptions wide_window;
  wide_window.block_size = 21;
  EXPECT_EQ(on_plate(wide_window), 0);
}

TEST(CharBlobs, RefusesColourAndEvenBlocks) {
  EXPECT_THROW(char_blobs(cv::Mat(10, 10, CV_8UC3), {}), EngineError);
  BlobOptions even;
  even.block_size = 30;
  EXPECT_THROW(char_blobs(cv::Mat(10, 10, CV_8UC1), even), EngineError);
}

}  // namespace
}  // namespace anpr::engine
