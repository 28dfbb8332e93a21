// The detector alone on drawn scenes: a rolled plate is found with its roll,
// several plates are all found, a blank frame gives nothing, and a crop is
// located on its text row.
#include "edge/engine/plate_detector.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

cv::Mat gray_of(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  return gray;
}

double iou(const cv::Rect& a, const cv::Rect& b) {
  const double inter = (a & b).area();
  return inter / (a.area() + b.area() - inter);
}

// The detection of `found` (in `frame`) that is the plate drawn at `truth`, or null.
const PlateDetection* detection_at(const std::vector<PlateDetection>& found, const cv::Mat& frame,
                                   const cv::Rect& truth) {
  const auto plate = std::find_if(found.begin(), found.end(), [&](const PlateDetection& d) {
    return iou(bounding_box(d.outline, frame.size()), truth) > 0.4;
  });
  return plate == found.end() ? nullptr : &*plate;
}

TEST(PlateDetector, FindsARolledPlateWithItsRoll) {
  testing::PlateStyle style;
  style.roll_degrees = 8;  // counter-clockwise: the row rises to the right
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("AB-1234", style, {640, 360}, {300, 210}, &truth);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(found.empty());
  const PlateDetection& best = found.front();
  EXPECT_GT(iou(bounding_box(best.outline, frame.size()), truth), 0.5);
  ASSERT_EQ(best.rows.size(), 1u);
  const cv::Point2f along = best.rows[0].corners[1] - best.rows[0].corners[0];
  EXPECT_NEAR(std::atan2(-along.y, along.x) * 180 / CV_PI, 8.0, 2.0);
  EXPECT_GT(best.score, 0.3);
}

TEST(PlateDetector, FindsSeveralPlatesInOneFrame) {
  testing::PlateStyle style;
  cv::Rect first, second;
  cv::Mat frame = testing::render_scene("AB-1234", style, {800, 450}, {220, 150}, &first);
  style.roll_degrees = -6;
  testing::paste_plate(frame, "KLM 482", style, {560, 330}, &second);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  int hits_first = 0, hits_second = 0;
  for (const PlateDetection& d : found) {
    if (d.behind_candidate) continue;  // the same plate by its ground, read only if its row reads short
    hits_first += iou(bounding_box(d.outline, frame.size()), first) > 0.4;
    hits_second += iou(bounding_box(d.outline, frame.size()), second) > 0.4;
  }
  EXPECT_EQ(hits_first, 1);
  EXPECT_EQ(hits_second, 1);
}

// Spares (for a verifier) come after every other candidate, flagged, and
// leave the others as they were: a plate past max_plates is among them.
TEST(PlateDetector, SparesFollowTheOthersAndLeaveThemAsTheyWere) {
  testing::PlateStyle style;
  cv::Rect first, second;
  cv::Mat frame = testing::render_scene("AB-1234", style, {800, 450}, {220, 150}, &first);
  testing::paste_plate(frame, "KLM 482", style, {560, 330}, &second);
  DetectorOptions one;
  one.max_plates = 1;
  one.max_ground_plates = 0;  // else the other plate is found by its light ground
  const std::vector<PlateDetection> without = detect_plates(gray_of(frame), one);
  DetectorOptions spares = one;
  spares.max_spare = 5;
  const std::vector<PlateDetection> with = detect_plates(gray_of(frame), spares);
  ASSERT_EQ(without.size(), 1u);
  ASSERT_GT(with.size(), 1u);
  ASSERT_LE(with.size(), 6u);
  EXPECT_FALSE(with[0].spare);
  EXPECT_EQ(with[0].outline.corners, without[0].outline.corners);
  std::vector<PlateDetection> spare(with.begin() + static_cast<std::ptrdiff_t>(without.size()), with.end());
  EXPECT_TRUE(std::all_of(spare.begin(), spare.end(), [](const PlateDetection& d) { return d.spare; }));
  const cv::Rect missed = detection_at(without, frame, first) != nullptr ? second : first;
  EXPECT_EQ(detection_at(without, frame, missed), nullptr);
  EXPECT_NE(detection_at(spare, frame, missed), nullptr);
}

TEST(PlateDetector, ReportsThePlateWholeWhenItsTextHasAWideGap) {
  // The gap splits the characters into two rows; either alone is a shorter
  // plate, and the detector must give the whole.
  testing::PlateStyle style;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("TR     05YPP", style, {640, 360}, {320, 200}, &truth);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().char_count, 7);
  EXPECT_GT(iou(bounding_box(found.front().outline, frame.size()), truth), 0.6);
  for (const PlateDetection& d : found) EXPECT_FALSE(d.short_plate) << "a group of the plate's text taken for all of it";
}

TEST(PlateDetector, AShortPlateIsNotRankedDownForItsLength) {
  // A Latvian `GG`: two characters in the middle of a plate of the usual
  // width. Rows of two blobs are everywhere in a frame; this one has plain
  // plate ground past both ends.
  testing::PlateStyle style;
  style.height = 70;
  style.centred = true;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("GG", style, {640, 360}, {320, 180}, &truth);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(found.empty());
  const PlateDetection& best = found.front();
  EXPECT_GT(iou(bounding_box(best.outline, frame.size()), truth), 0.15);
  EXPECT_EQ(best.char_count, 2);
  EXPECT_TRUE(best.short_plate);
  EXPECT_GT(best.score, 0.5);
}

TEST(PlateDetector, FindsATwoRowPlateWithOneCharacterBelow) {
  // A Latvian square plate `HD` over `9`: neither row is a plate alone (two
  // characters, one), and a single blob is no row.
  testing::PlateStyle style;
  style.rows = 2;
  style.height = 110;
  style.roll_degrees = 4;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("HD 9", style, {640, 360}, {300, 200}, &truth);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  const PlateDetection* plate = detection_at(found, frame, truth);
  ASSERT_NE(plate, nullptr);
  EXPECT_EQ(plate->rows.size(), 2u);
  EXPECT_EQ(plate->char_count, 3);
  for (const PlateDetection& d : found) EXPECT_FALSE(d.short_plate) << "one row of the plate taken for all of it";
}

TEST(PlateDetector, FindsAThreeRowPlateWithAllItsRows) {
  // A Ukrainian motorcycle's `BE` over `0886` over `AA`: its lower two rows
  // are a two-row plate of their own and score better (two characters a
  // row fit a two-row plate worse than four); kept alone they lose `BE`.
  // A Croatian motorcycle's last row may be one letter, a lone blob.
  for (const auto& [text, characters] : {std::pair{"BE 0886 AA", 8}, std::pair{"VT 1301 H", 7}}) {
    testing::PlateStyle style;
    style.rows = 3;
    style.height = 130;
    style.eu_band = false;  // neither has a strip
    style.centred = true;
    cv::Rect truth;
    const cv::Mat frame = testing::render_scene(text, style, {640, 360}, {300, 190}, &truth);
    const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
    const PlateDetection* plate = detection_at(found, frame, truth);
    ASSERT_NE(plate, nullptr) << text;
    EXPECT_EQ(plate->rows.size(), 3u) << text;
    EXPECT_EQ(plate->char_count, characters) << text;
  }
}

TEST(PlateDetector, ARowOfTwoWithAnIIsARowOfAThreeRowPlate) {
  // `IK` under `8559` is under 0.4 of its width: paired by where it sits,
  // as a lone character is, not by how much of the number it spans. Large
  // plates: a smaller I is too thin for the threshold to hollow, a solid
  // bar, which is no character blob (char_blobs.h).
  for (const char* text : {"BK 8559 IK", "BK 0886 IK"}) {
    for (int height : {180, 220, 260}) {
      testing::PlateStyle style;
      style.rows = 3;
      style.height = height;
      style.eu_band = false;
      style.centred = true;
      cv::Rect truth;
      const cv::Mat frame = testing::render_scene(text, style, {640, 360}, {320, 180}, &truth);
      const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
      const PlateDetection* plate = detection_at(found, frame, truth);
      if (plate == nullptr) {
        ADD_FAILURE() << text << " at " << height << " px not found";
        continue;
      }
      EXPECT_EQ(plate->rows.size(), 3u) << text << " at " << height << " px";
      EXPECT_EQ(plate->char_count, 8) << text << " at " << height << " px";
    }
  }
}

TEST(PlateDetector, AGroupOrRowOfALongerPlateIsNoShortPlate) {
  // `ZM` over `2`, and `DD` well apart from `838`: each short group has
  // plain ground past its ends, but more of the plate's text beside it.
  for (const bool two_rows : {true, false}) {
    testing::PlateStyle style;
    style.rows = two_rows ? 2 : 1;
    style.centred = true;
    style.height = two_rows ? 110 : 60;
    const cv::Mat frame = testing::render_scene(two_rows ? "ZM 2" : "DD      838", style, {640, 360}, {300, 200});
    for (const PlateDetection& d : detect_plates(gray_of(frame), {})) {
      EXPECT_FALSE(d.short_plate) << (two_rows ? "the top row" : "a group") << " taken for all of the plate: "
                                  << bounding_box(d.outline, frame.size());
    }
  }
}

TEST(PlateDetector, FaintSpecksBesideThePlateDoNotWidenIt) {
  // Right after the text, a car's even paint with specks the adaptive
  // threshold takes for characters: a few gray levels darker than the
  // paint, character sized, on the text's line.
  testing::PlateStyle style;
  cv::Rect truth;
  cv::Mat frame = testing::render_scene("AB-1234", style, {640, 360}, {300, 180}, &truth);
  const std::vector<PlateDetection> clean = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(clean.empty());
  const cv::Rect row = bounding_box(clean.front().rows.front(), frame.size());
  const int end = row.br().x + row.height / 2;
  cv::rectangle(frame, cv::Rect(end, row.y - row.height, 5 * row.height, 3 * row.height), cv::Scalar::all(150),
                cv::FILLED);
  for (int k = 0; k < 3; ++k) {
    const cv::Rect speck(end + row.height / 4 + k * row.height * 7 / 10, row.y, row.height / 2, row.height);
    cv::rectangle(frame, speck, cv::Scalar::all(140), 2);
  }
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(found.empty());
  const cv::Rect best = bounding_box(found.front().outline, frame.size());
  EXPECT_LT(best.br().x, end + row.height / 2) << "the row ran on into the specks: " << best << ", text ends at "
                                               << row.br().x;
}

TEST(PlateDetector, APlateInsideALargerCandidateOfLargerCharactersIsACandidateToo) {
  // A night frame's row of tail-light bloom (characters 72 px high) spanned
  // the plate between the lights (14 px) and held it out of the candidates.
  // Here a large plate's row, joined across a wide gap, spans a small plate.
  testing::PlateStyle large;
  large.height = 120;
  large.eu_band = false;
  cv::Rect large_box, small_box;
  cv::Mat frame = testing::render_scene("WK        4471", large, {1280, 720}, {640, 300}, &large_box);
  testing::PlateStyle small;
  small.height = 30;
  testing::paste_plate(frame, "AB-1234", small, {577, large_box.y + large_box.height / 2}, &small_box);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  bool large_found = false, small_found = false;
  for (const PlateDetection& d : found) {
    const cv::Rect box = bounding_box(d.outline, frame.size());
    large_found |= (box & small_box).area() == small_box.area() && d.char_height > 3 * small_box.height / 2;
    small_found |= iou(box, small_box) > 0.4;
  }
  EXPECT_TRUE(large_found) << "the large row around the small plate is no longer a candidate";
  EXPECT_TRUE(small_found) << "the small plate inside the large row's outline was dropped";
}

TEST(PlateDetector, BlankFrameHasNoPlates) {
  EXPECT_TRUE(detect_plates(cv::Mat(720, 1280, CV_8UC1, cv::Scalar(100)), {}).empty());
}

TEST(PlateDetector, DownscalesWideFramesAndReportsFrameCoordinates) {
  testing::PlateStyle style;
  style.height = 90;
  cv::Rect truth;
  const cv::Mat frame = testing::render_scene("AB-1234", style, {2560, 1440}, {1800, 900}, &truth);
  const std::vector<PlateDetection> found = detect_plates(gray_of(frame), {});
  ASSERT_FALSE(found.empty());
  EXPECT_GT(iou(bounding_box(found.front().outline, frame.size()), truth), 0.5);
}

TEST(PlateDetector, LocatesTheTextRowOfACrop) {
  testing::PlateStyle style;
  style.height = 40;
  const cv::Mat plate = testing::render_plate("XY 5678", style);
  const PlateDetection d = locate_in_crop(gray_of(plate), {});
  ASSERT_EQ(d.rows.size(), 1u);
  const cv::Rect row = bounding_box(d.rows[0], plate.size());
  // The text, not the EU strip at the left or the border.
  EXPECT_GT(row.x, plate.cols / 10);
  EXPECT_GT(row.height, plate.rows / 2);
  EXPECT_LT(row.height, plate.rows);
}

TEST(PlateDetector, LocatesTheRowOfASteeplyRolledCrop) {
  // A loose crop around a plate rolled 25 degrees, steeper than a frame
  // search takes a row to be: the crop's row is still found, with its roll.
  testing::PlateStyle style;
  style.height = 50;
  style.roll_degrees = 25;
  const cv::Mat crop = gray_of(testing::render_scene("XY 5678", style, {200, 100}, {100, 50}));
  const PlateDetection d = locate_in_crop(crop, {});
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_LT(quad_height(d.rows[0]), 0.9f * crop.rows);  // a row, not the whole-image fallback
  const cv::Point2f along = d.rows[0].corners[1] - d.rows[0].corners[0];
  EXPECT_NEAR(std::atan2(-along.y, along.x) * 180 / CV_PI, 25.0, 4.0);
}

TEST(PlateDetector, CropWithoutTextFallsBackToTheWholeImage) {
  const cv::Mat blank(30, 140, CV_8UC1, cv::Scalar(220));
  const PlateDetection d = locate_in_crop(blank, {});
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(bounding_box(d.rows[0], blank.size()), cv::Rect(0, 0, 140, 30));
}

}  // namespace
}  // namespace anpr::engine
