// Plate-likeness on drawn rows: characters that stand apart outrank a row of
// the same height, contrast and ink made of a few wide blobs (a blurred
// light or a grille), which scored the same before separation counted.
#include "edge/engine/plate_score.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace anpr::engine {
namespace {

// Dark outlined boxes (strokes `thickness` px) on a light ground, one row.
TextLine draw_row(cv::Mat& gray, int y, int width, int count, int gap, int thickness) {
  std::vector<cv::Rect> boxes;
  for (int i = 0; i < count; ++i) {
    const cv::Rect box(20 + i * (width + gap), y, width, 30);
    cv::rectangle(gray, box, cv::Scalar(40), thickness);
    boxes.push_back(box);
  }
  return fit_line(boxes);
}

TEST(PlateScore, SeparateCharactersOutrankAFewWideBlobs) {
  cv::Mat gray(140, 240, CV_8UC1, cv::Scalar(200));
  const TextLine characters = draw_row(gray, 20, 12, 6, 4, 3);
  const TextLine wide = draw_row(gray, 90, 54, 2, 6, 4);
  ASSERT_EQ(characters.char_count, 6);
  ASSERT_EQ(wide.char_count, 6);  // each wide blob counts as three characters
  const double separate_score = plate_likeness({&characters}, {row_ground(gray, characters)});
  EXPECT_GT(separate_score, 0.5);
  EXPECT_GT(separate_score, 1.5 * plate_likeness({&wide}, {row_ground(gray, wide)}));
}

TEST(PlateScore, NoRowsScoreZero) { EXPECT_EQ(plate_likeness({}, {}), 0.0); }

}  // namespace
}  // namespace anpr::engine
