// The hyphen finder (plate_hyphen.h) on drawn plates: a Latvian hyphen is
// found at any size, a Lithuanian space and characters whose strokes have
// bars of their own (E, F, H, 4) are no hyphen.
#include "edge/engine/plate_hyphen.h"

#include <string>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

cv::Mat gray_plate(const std::string& text, int height, double blur_sigma = 0) {
  testing::PlateStyle style;
  style.height = height;
  cv::Mat plate = testing::render_plate(text, style);
  if (blur_sigma > 0) cv::GaussianBlur(plate, plate, cv::Size(), blur_sigma);
  cv::Mat gray;
  cv::cvtColor(plate, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

TEST(PlateHyphen, LatvianHyphensAreFoundAtEverySize) {
  for (const std::string text : {"AB-1234", "F-665", "CM-9100", "HE-44", "E-1"}) {
    for (int height : {24, 44, 96}) {
      EXPECT_TRUE(has_hyphen(gray_plate(text, height))) << text << " at " << height << " px";
    }
  }
  EXPECT_TRUE(has_hyphen(gray_plate("AB-1234", 44, 1.0))) << "slightly blurred";
}

TEST(PlateHyphen, SpacesAndBarredCharactersAreNoHyphen) {
  for (const std::string text : {"ABC 123", "CC83", "EFH 444", "HH 7744", "FE4H", "T 2"}) {
    for (int height : {24, 44, 96}) {
      EXPECT_FALSE(has_hyphen(gray_plate(text, height))) << text << " at " << height << " px";
    }
  }
}

TEST(PlateHyphen, ABarWithoutCharactersOnBothSidesIsNoHyphen) {
  // A dash before the text or after it is a mark, not a separator.
  EXPECT_FALSE(has_hyphen(gray_plate("-1234", 44)));
  EXPECT_FALSE(has_hyphen(gray_plate("AB12-", 44)));
}

TEST(PlateHyphen, DegenerateImagesGiveNoHyphenAndWrongTypesAnError) {
  EXPECT_FALSE(has_hyphen(cv::Mat(1, 1, CV_8UC1, cv::Scalar(0))));
  EXPECT_FALSE(has_hyphen(cv::Mat(48, 3, CV_8UC1, cv::Scalar(255))));
  EXPECT_FALSE(has_hyphen(cv::Mat(48, 200, CV_8UC1, cv::Scalar(255))));
  EXPECT_FALSE(has_hyphen(cv::Mat(48, 200, CV_8UC1, cv::Scalar(0))));
  EXPECT_THROW(has_hyphen(cv::Mat(48, 200, CV_8UC3, cv::Scalar(255, 255, 255))), EngineError);
}

}  // namespace
}  // namespace anpr::engine
