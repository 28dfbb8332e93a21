// Row grouping is pure geometry: rows of equal boxes must chain, boxes of
// another size or line must not, an end box off the row's line is dropped,
// and the fitted axis must follow a roll.
#include "edge/engine/text_lines.h"

#include <cmath>

#include <gtest/gtest.h>

namespace anpr::engine {
namespace {

// `count` character boxes of `height`, spaced as on a plate, rising by
// `slope` px per px.
std::vector<cv::Rect> row_of(int count, int height, cv::Point start, double slope = 0) {
  std::vector<cv::Rect> boxes;
  const int width = height * 6 / 10, step = height * 8 / 10;
  for (int i = 0; i < count; ++i) {
    const int x = start.x + i * step;
    boxes.emplace_back(x, start.y + static_cast<int>(std::lround(slope * (x - start.x))), width, height);
  }
  return boxes;
}

TEST(TextLines, ChainsARowOfEqualBoxes) {
  const std::vector<TextLine> lines = group_lines(row_of(6, 20, {100, 50}), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].char_count, 6);
  EXPECT_EQ(lines[0].chars.front().x, 100);
  EXPECT_FLOAT_EQ(lines[0].char_height, 20);
  EXPECT_NEAR(lines[0].axis.y, 0.0, 1e-6);
  EXPECT_NEAR(quad_width(lines[0].quad), 5 * 16 + 12, 1.0);
  EXPECT_NEAR(quad_height(lines[0].quad), 20, 1.0);
}

TEST(TextLines, DropsAnEndBlobOffTheRowsLine) {
  // A bumper edge 24 px left of the first character and 8 px lower: close
  // enough for chaining's slope allowance, but off the line of the other six.
  std::vector<cv::Rect> boxes = row_of(6, 20, {100, 50});
  boxes.emplace_back(64, 58, 12, 20);
  const std::vector<TextLine> lines = group_lines(boxes, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].char_count, 6);
  EXPECT_EQ(lines[0].chars.front().x, 100);
  EXPECT_NEAR(lines[0].axis.y, 0.0, 1e-6);
}

TEST(TextLines, KeepsRowsOfDifferentLinesAndSizesApart) {
  std::vector<cv::Rect> boxes = row_of(5, 20, {100, 50});
  const std::vector<cv::Rect> below = row_of(5, 20, {100, 90});
  const std::vector<cv::Rect> bigger = row_of(5, 40, {100 + 5 * 16 + 10, 40});
  boxes.insert(boxes.end(), below.begin(), below.end());
  boxes.insert(boxes.end(), bigger.begin(), bigger.end());
  const std::vector<TextLine> lines = group_lines(boxes, {});
  ASSERT_EQ(lines.size(), 3u);
  for (const TextLine& line : lines) EXPECT_EQ(line.char_count, 5);
}

TEST(TextLines, FollowsARolledRow) {
  const double slope = std::tan(10 * CV_PI / 180);
  const std::vector<TextLine> lines = group_lines(row_of(7, 24, {50, 100}, slope), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(lines[0].axis.y / lines[0].axis.x, slope, 0.02);
}

TEST(TextLines, FollowsARowClimbingAsSeenFromACarsCorner) {
  // Roll, yaw and the camera's pitch together: 25 degrees chain and count,
  // 40 do not (a row that steep is a car's edge or a sign).
  const double slope = std::tan(25 * CV_PI / 180);
  const std::vector<TextLine> lines = group_lines(row_of(7, 24, {50, 200}, -slope), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].char_count, 7);
  EXPECT_NEAR(lines[0].axis.y / lines[0].axis.x, -slope, 0.02);
  EXPECT_TRUE(group_lines(row_of(7, 24, {50, 200}, -std::tan(40 * CV_PI / 180)), {}).empty());
}

TEST(TextLines, DropsRowsOutsideTheCharacterCounts) {
  LineOptions options;
  options.min_chars = 3;
  EXPECT_TRUE(group_lines(row_of(2, 20, {10, 10}), options).empty());
  EXPECT_TRUE(group_lines(row_of(14, 20, {10, 10}), options).empty());
}

TEST(TextLines, CountsRunTogetherCharactersByWidth) {
  EXPECT_EQ(characters_in(cv::Rect(0, 0, 12, 20)), 1);
  EXPECT_EQ(characters_in(cv::Rect(0, 0, 36, 20)), 3);
  const std::vector<TextLine> lines = group_lines({cv::Rect(0, 0, 12, 20), cv::Rect(16, 0, 36, 20)}, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].char_count, 4);
}

TEST(TextLines, JoinsTheTwoGroupsOfAPlateWithAWideGap) {
  // `TR 05YPP`: two letters, a gap of two character heights, five more.
  std::vector<cv::Rect> boxes = row_of(2, 20, {100, 50});
  const std::vector<cv::Rect> rest = row_of(5, 20, {100 + 16 + 12 + 40, 50});
  boxes.insert(boxes.end(), rest.begin(), rest.end());
  const std::vector<TextLine> rows = group_lines(boxes, {});
  ASSERT_EQ(rows.size(), 2u);
  const std::vector<TextLine> joined = joined_lines(rows, {});
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(joined[0].char_count, 7);
  EXPECT_EQ(joined[0].chars.front().x, 100);
  EXPECT_NEAR(joined[0].axis.y, 0.0, 1e-6);
}

TEST(TextLines, DoesNotJoinRowsOffEachOthersLineOrTooFarApart) {
  const TextLine left = fit_line(row_of(3, 20, {100, 50}));
  // Starts where `left` ends but a character height lower.
  const TextLine lower = fit_line(row_of(4, 20, {100 + 3 * 16 + 10, 70}));
  // On the line, but four character heights on.
  const TextLine far = fit_line(row_of(4, 20, {100 + 3 * 16 + 80, 50}));
  // On the line, but of twice the height.
  const TextLine taller = fit_line(row_of(4, 40, {100 + 3 * 16 + 10, 30}));
  EXPECT_TRUE(joined_lines({left, lower, far, taller}, {}).empty());
  EXPECT_EQ(joined_lines({left, fit_line(row_of(4, 20, {100 + 3 * 16 + 10, 50}))}, {}).size(), 1u);
}

TEST(TextLines, EmptyInputGivesNoRows) { EXPECT_TRUE(group_lines({}, {}).empty()); }

}  // namespace
}  // namespace anpr::engine
