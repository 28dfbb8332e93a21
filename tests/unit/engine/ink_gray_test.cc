// The reader's gray (ink_gray.h): a pair of coloured stickers stacked around
// a hyphen, or one sticker beside a hyphen, is painted with the ground; the
// characters, a lone coloured mark, coloured ink and a whole plate under a
// colour cast are left as plain gray.
#include "edge/engine/ink_gray.h"

#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

constexpr int kHeight = 96;

cv::Mat plain_gray(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

// The centre column of the widest ink-free gap in the middle of the plate:
// where "ABC 123" has its space.
int gap_centre(const cv::Mat& plate) {
  const cv::Mat gray = plain_gray(plate);
  const cv::Mat band = gray.rowRange(kHeight / 4, kHeight * 3 / 4);
  int best_start = 0, best_len = 0, start = -1;
  for (int x = plate.cols / 3; x < plate.cols * 2 / 3; ++x) {
    double lowest;
    cv::minMaxLoc(band.col(x), &lowest);
    const bool clear = lowest > 150;
    if (clear && start < 0) start = x;
    if ((!clear || x + 1 == plate.cols * 2 / 3) && start >= 0) {
      if (x - start > best_len) best_start = start, best_len = x - start;
      start = -1;
    }
  }
  return best_start + best_len / 2;
}

void draw_disc(cv::Mat& plate, cv::Point centre, const cv::Scalar& bgr) {
  cv::circle(plate, centre, kHeight / 10, bgr, cv::FILLED, cv::LINE_AA);
}

// A Hungarian-looking plate: red sticker over a gray dash over a green one.
cv::Mat stickered_plate(cv::Point* upper, cv::Point* lower) {
  testing::PlateStyle style;
  style.height = kHeight;
  cv::Mat plate = testing::render_plate("THE 156", style);
  const int x = gap_centre(plate);
  *upper = {x, kHeight * 33 / 100};
  *lower = {x, kHeight * 67 / 100};
  draw_disc(plate, *upper, {70, 60, 215});
  draw_disc(plate, *lower, {90, 170, 70});
  cv::rectangle(plate, cv::Point(x - kHeight / 14, kHeight / 2 - 2), cv::Point(x + kHeight / 14, kHeight / 2 + 2),
                cv::Scalar(120, 120, 120), cv::FILLED);
  return plate;
}

TEST(InkGray, StackedStickersArePaintedWithTheGround) {
  cv::Point upper, lower;
  const cv::Mat plate = stickered_plate(&upper, &lower);
  const cv::Mat before = plain_gray(plate);
  const cv::Mat after = ink_gray(plate);
  ASSERT_EQ(after.type(), CV_8UC1);
  ASSERT_EQ(after.size(), plate.size());
  EXPECT_LT(before.at<uchar>(upper), 150) << "the red sticker is dark in plain gray";
  EXPECT_GT(after.at<uchar>(upper), 200);
  EXPECT_GT(after.at<uchar>(lower), 200);
  EXPECT_LT(after.at<uchar>(kHeight / 2, upper.x), 150) << "the hyphen stays";
  // Nothing else changes: the characters are untouched.
  cv::Mat changed = before != after;
  cv::rectangle(changed, cv::Rect(upper.x - kHeight / 6, 0, kHeight / 3, kHeight), cv::Scalar(0), cv::FILLED);
  EXPECT_EQ(cv::countNonZero(changed), 0);
}

TEST(InkGray, LoneStickerOverAHyphenIsPainted) {
  testing::PlateStyle style;
  style.height = kHeight;
  cv::Mat plate = testing::render_plate("THE 156", style);
  const int x = gap_centre(plate);
  const cv::Point sticker(x, kHeight * 33 / 100);
  draw_disc(plate, sticker, {70, 60, 215});
  cv::rectangle(plate, cv::Point(x - kHeight / 14, kHeight / 2 - 2), cv::Point(x + kHeight / 14, kHeight / 2 + 2),
                cv::Scalar(60, 60, 60), cv::FILLED);
  const cv::Mat after = ink_gray(plate);
  EXPECT_GT(after.at<uchar>(sticker), 200);
  EXPECT_LT(after.at<uchar>(kHeight / 2, x), 100) << "the hyphen stays";
}

TEST(InkGray, LoneColouredMarkIsLeftAlone) {
  testing::PlateStyle style;
  style.height = kHeight;
  cv::Mat plate = testing::render_plate("THE 156", style);
  draw_disc(plate, {gap_centre(plate), kHeight / 3}, {70, 60, 215});
  EXPECT_EQ(cv::countNonZero(ink_gray(plate) != plain_gray(plate)), 0);
}

TEST(InkGray, ColouredInkAndColourCastAreLeftAlone) {
  testing::PlateStyle style;
  style.height = kHeight;
  const cv::Mat plate = testing::render_plate("B 21 GSB", style);
  // Red characters (Belgian plates): each glyph is far larger than a sticker.
  cv::Mat red = plate.clone();
  red.setTo(cv::Scalar(40, 30, 170), plain_gray(plate) < 100);
  EXPECT_EQ(cv::countNonZero(ink_gray(red) != plain_gray(red)), 0);
  // A dash-cam's magenta cast, JPEG-compressed: the ink's colour fringes are no stickers.
  cv::Mat cast;
  cv::multiply(plate, cv::Scalar(0.85, 0.55, 1.0), cast);
  std::vector<uchar> jpeg;
  cv::imencode(".jpg", cast, jpeg, {cv::IMWRITE_JPEG_QUALITY, 40});
  cast = cv::imdecode(jpeg, cv::IMREAD_COLOR);
  EXPECT_EQ(cv::countNonZero(ink_gray(cast) != plain_gray(cast)), 0);
}

TEST(InkGray, AnyColourPatchGivesAGrayOfItsSize) {
  cv::RNG rng(14);
  for (const cv::Size size : {cv::Size(1, 1), cv::Size(1, 48), cv::Size(300, 1), cv::Size(5, 3), cv::Size(160, 48)}) {
    for (int fill = 0; fill < 3; ++fill) {
      cv::Mat patch(size, CV_8UC3);
      if (fill == 0) patch.setTo(cv::Scalar(0, 0, 0));
      if (fill == 1) patch.setTo(cv::Scalar(255, 0, 255));
      if (fill == 2) rng.fill(patch, cv::RNG::UNIFORM, 0, 256);
      const cv::Mat gray = ink_gray(patch);
      EXPECT_EQ(gray.size(), size);
      EXPECT_EQ(gray.type(), CV_8UC1);
    }
  }
}

TEST(InkGray, RefusesWhatIsNotColour) {
  EXPECT_THROW(ink_gray(cv::Mat()), EngineError);
  EXPECT_THROW(ink_gray(cv::Mat(10, 10, CV_8UC1, cv::Scalar(0))), EngineError);
}

}  // namespace
}  // namespace anpr::engine
