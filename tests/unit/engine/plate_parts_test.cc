// The whole-plate cuts (plate_parts.h): exact geometry of a row grown to its
// plate, two or three rows joined, bands, which layouts a plate's aspect allows, and
// the warped part's size. The learned reader was trained on these cuts, so a
// changed factor here is a changed model input.
#include "edge/engine/plate_parts.h"

#include <gtest/gtest.h>

#include "edge/engine/engine_error.h"

namespace anpr::engine {
namespace {

Quad box(float x0, float y0, float x1, float y1) {
  return Quad{{cv::Point2f(x0, y0), cv::Point2f(x1, y0), cv::Point2f(x1, y1), cv::Point2f(x0, y1)}};
}

void expect_quad(const Quad& got, const Quad& want) {
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(got.corners[i].x, want.corners[i].x, 1e-3) << "corner " << i;
    EXPECT_NEAR(got.corners[i].y, want.corners[i].y, 1e-3) << "corner " << i;
  }
}

TEST(PlateParts, RowGrowsToThePlateInCharacterHeights) {
  // A 20 px high row: 0.6 h left (the EU strip), 0.3 h right, 0.25 h above and below.
  expect_quad(plate_from_row(box(100, 50, 300, 70)), box(88, 45, 306, 75));
}

TEST(PlateParts, TwoRowsJoinIntoOnePlate) {
  // A short top row over a longer bottom row: the plate spans both.
  expect_quad(plate_from_rows({box(120, 50, 160, 70), box(110, 80, 190, 100)}), box(98, 45, 196, 105));
}

TEST(PlateParts, ThreeRowsJoinIntoOnePlateAsWideAsTheWidestRow) {
  // A motorcycle's `BE` over `0886` over `AA`: the middle row is the widest.
  expect_quad(plate_from_rows({box(120, 50, 160, 70), box(100, 80, 200, 100), box(120, 110, 160, 130)}),
              box(88, 45, 206, 135));
}

TEST(PlateParts, BandsSplitAtEqualHeights) {
  const std::vector<Quad> halves = plate_bands(box(0, 0, 140, 100), 2);
  ASSERT_EQ(halves.size(), 2u);
  expect_quad(halves[0], box(0, 0, 140, 50));
  expect_quad(halves[1], box(0, 50, 140, 100));
  const std::vector<Quad> thirds = plate_bands(box(0, 0, 140, 90), 3);
  ASSERT_EQ(thirds.size(), 3u);
  expect_quad(thirds[1], box(0, 30, 140, 60));
  expect_quad(thirds[2], box(0, 60, 140, 90));
}

TEST(PlateParts, AspectDecidesWhetherHalvesAreTried) {
  const auto one_row = plate_layouts(box(0, 0, 520, 110), 1);
  ASSERT_EQ(one_row.size(), 1u);
  EXPECT_EQ(one_row[0].size(), 1u);
  const auto square = plate_layouts(box(0, 0, 280, 200), 1);
  ASSERT_EQ(square.size(), 2u);
  EXPECT_EQ(square[0].size(), 1u);
  EXPECT_EQ(square[1].size(), 2u);
  // The detector saw two rows: only halves; three: only thirds.
  const auto seen = plate_layouts(box(0, 0, 520, 110), 2);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].size(), 2u);
  const auto three = plate_layouts(box(0, 0, 280, 200), 3);
  ASSERT_EQ(three.size(), 1u);
  EXPECT_EQ(three[0].size(), 3u);
}

TEST(PlateParts, WarpKeepsTheAspectAtTheGivenHeight) {
  const cv::Mat bgr(200, 400, CV_8UC3, cv::Scalar(10, 200, 30));
  const cv::Mat part = warp_part(bgr, box(50, 20, 290, 80), 48);
  EXPECT_EQ(part.type(), CV_8UC1);
  EXPECT_EQ(part.rows, 48);
  EXPECT_EQ(part.cols, 192);
  EXPECT_THROW(warp_part(cv::Mat(), box(0, 0, 10, 10), 48), EngineError);
}

}  // namespace
}  // namespace anpr::engine
