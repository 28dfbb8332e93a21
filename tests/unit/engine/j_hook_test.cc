// I or J by the stroke's shape (j_hook.h) on drawn DIN plates: J's hook is
// seen, an I's bare stroke is none, and a J whose foot came apart is not
// judged; settle_i_and_j swaps a reading's I and J by it.
#include "edge/engine/j_hook.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

struct DrawnRow {
  cv::Mat gray;
  std::vector<cv::Rect> characters;  // left to right
};

// A plate of `text` (no strip) and its characters' boxes, found as the
// dark blobs of a character's height.
DrawnRow drawn_row(const std::string& text, double cell = 0) {
  testing::PlateStyle style;
  style.eu_band = false;
  style.height = 48;
  style.cell = cell;
  DrawnRow row;
  cv::cvtColor(testing::render_plate(text, style), row.gray, cv::COLOR_BGR2GRAY);
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(row.gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids);
  for (int i = 1; i < count; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (box.height > row.gray.rows / 3 && box.height < row.gray.rows * 9 / 10) row.characters.push_back(box);
  }
  std::sort(row.characters.begin(), row.characters.end(),
            [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  return row;
}

JHook hook_of(const DrawnRow& row, std::size_t character) {
  const cv::Rect& box = row.characters.at(character);
  return j_hook(row.gray, box.x, box.br().x - 1);
}

ReadSymbol symbol(std::vector<CharChoice> choices, const cv::Rect& box) {
  ReadSymbol s{std::move(choices)};
  s.first_column = box.x;
  s.last_column = box.br().x - 1;
  return s;
}

TEST(JHook, SeesJsHookAndAnIsBareStroke) {
  for (double cell : {0.0, 0.62}) {
    const DrawnRow row = drawn_row("HJI 123", cell);
    ASSERT_EQ(row.characters.size(), 6u) << "cell " << cell;
    EXPECT_EQ(hook_of(row, 1), JHook::hook) << "cell " << cell;
    EXPECT_EQ(hook_of(row, 2), JHook::none) << "cell " << cell;
  }
}

TEST(JHook, DoesNotJudgeAJWhoseFootCameApart) {
  DrawnRow row = drawn_row("HJI 123");
  ASSERT_EQ(row.characters.size(), 6u);
  const cv::Rect j = row.characters[1];
  // A light line across the J above its hook: what is left over the columns
  // is a bare stroke shorter than its neighbours.
  cv::rectangle(row.gray, cv::Rect(j.x - 2, j.y + j.height * 3 / 5, j.width + 4, 2), cv::Scalar(255), cv::FILLED);
  EXPECT_EQ(hook_of(row, 1), JHook::unknown);
  EXPECT_EQ(j_hook(row.gray, -1, -1), JHook::unknown) << "no columns";
}

TEST(JHook, SettleSwapsIAndJByTheShape) {
  const DrawnRow row = drawn_row("HJI 123");
  ASSERT_EQ(row.characters.size(), 6u);
  LineReading reading{symbol({{'H', 0.9f}}, row.characters[0]),
                      symbol({{'I', 0.7f}, {'J', 0.2f}}, row.characters[1]),
                      symbol({{'J', 0.8f}, {'T', 0.1f}, {'1', 0.05f}}, row.characters[2]),
                      ReadSymbol{{{'J', 0.8f}, {'I', 0.1f}}}};
  settle_i_and_j(reading, row.gray);
  EXPECT_EQ(reading[0].choices.front().symbol, 'H');
  EXPECT_EQ(reading[1].choices.front().symbol, 'J');
  EXPECT_FLOAT_EQ(reading[1].choices.front().probability, 0.7f);
  EXPECT_EQ(reading[1].choices.back().symbol, 'I');
  EXPECT_EQ(reading[2].choices.front().symbol, '1') << "the likeliest of I and 1";
  EXPECT_FLOAT_EQ(reading[2].choices.front().probability, 0.8f);
  EXPECT_EQ(reading[2].choices.back().symbol, 'J');
  EXPECT_EQ(reading[3].choices.front().symbol, 'J') << "a character without columns stays as read";
}

TEST(JHook, LeavesAnIWithNoJAmongItsAlternatives) {
  const DrawnRow row = drawn_row("HJI 123");
  ASSERT_EQ(row.characters.size(), 6u);
  LineReading reading{symbol({{'I', 0.9f}, {'T', 0.05f}}, row.characters[1])};
  settle_i_and_j(reading, row.gray);
  EXPECT_EQ(reading[0].choices.front().symbol, 'I');
}

}  // namespace
}  // namespace anpr::engine
