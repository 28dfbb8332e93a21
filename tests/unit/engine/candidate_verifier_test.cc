// The candidate verifier: its window holds the candidate with room around
// it, its input is normalised like tools/train/window_augment.py's, only the
// spares it is sure of are added to what is read, the kept candidates it
// all but rules out are not read, and on drawn frames (a
// renderer it was never trained on) the committed model judges a plate surer
// than print on a car that the detector took for one. (A missing model:
// engine_test.)
#include "edge/engine/candidate_verifier.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

Quad box_quad(const cv::Rect& r) {
  const float x = static_cast<float>(r.x), y = static_cast<float>(r.y);
  const float w = static_cast<float>(r.width), h = static_cast<float>(r.height);
  return {{cv::Point2f(x, y), cv::Point2f(x + w, y), cv::Point2f(x + w, y + h), cv::Point2f(x, y + h)}};
}

TEST(CandidateVerifier, TheWindowHoldsTheCandidateWithRoomAround) {
  cv::Mat frame(200, 400, CV_8UC3, cv::Scalar(0, 0, 0));
  // The candidate 200 x 40 at (100, 80), white; the room round it red.
  cv::rectangle(frame, cv::Rect(60, 60, 280, 80), cv::Scalar(0, 0, 255), cv::FILLED);
  cv::rectangle(frame, cv::Rect(100, 80, 200, 40), cv::Scalar(255, 255, 255), cv::FILLED);
  const cv::Mat window = candidate_window(frame, box_quad({100, 80, 200, 40}));
  ASSERT_EQ(window.size(), cv::Size(kVerifierWidth, kVerifierHeight));
  // The window spans 240 x 56 px: the candidate is its middle 200 x 40.
  EXPECT_EQ(window.at<cv::Vec3b>(kVerifierHeight / 2, kVerifierWidth / 2), cv::Vec3b(255, 255, 255));
  const cv::Vec3b left = window.at<cv::Vec3b>(kVerifierHeight / 2, 2);
  const cv::Vec3b top = window.at<cv::Vec3b>(1, kVerifierWidth / 2);
  EXPECT_GT(left[2], 200);
  EXPECT_LT(left[0], 60);
  EXPECT_GT(top[2], 200);
  EXPECT_LT(top[0], 60);
  EXPECT_THROW(candidate_window(cv::Mat(10, 10, CV_8UC1), box_quad({0, 0, 5, 5})), EngineError);
}

TEST(CandidateVerifier, InputIsNormalisedPerWindow) {
  cv::Mat dark(kVerifierHeight, kVerifierWidth, CV_8UC3, cv::Scalar(10, 10, 10));
  dark(cv::Rect(0, 0, kVerifierWidth / 2, kVerifierHeight)).setTo(cv::Scalar(250, 250, 250));
  const cv::Mat light = dark + cv::Scalar::all(3);
  const std::vector<cv::Mat> windows = {dark, light};
  const cv::Mat blob = verifier_input(windows);
  ASSERT_EQ(blob.dims, 4);
  EXPECT_EQ(blob.size[0], 2);
  EXPECT_EQ(blob.size[1], 3);
  EXPECT_EQ(blob.size[2], kVerifierHeight);
  EXPECT_EQ(blob.size[3], kVerifierWidth);
  // Each window by its own mean and deviation: a brighter copy gives the same input.
  const std::size_t plane = blob.total() / 2;
  const float* values = blob.ptr<float>();
  for (std::size_t i = 0; i < plane; i += 97) EXPECT_NEAR(values[i], values[plane + i], 1e-5);
  const std::vector<cv::Mat> wrong = {cv::Mat(10, 10, CV_8UC3)};
  EXPECT_THROW(verifier_input(wrong), EngineError);
}

enum class Kind { kept, spare, ground };

PlateDetection candidate(double score, Kind kind = Kind::kept, const cv::Rect& box = {0, 0, 100, 20}) {
  PlateDetection d;
  d.score = score;
  d.spare = kind == Kind::spare;
  d.from_ground = kind == Kind::ground;
  d.outline = box_quad(box);
  return d;
}

TEST(VerifiedCandidates, ReadsTheOthersAsTheyCameAndTheSureSparesAfter) {
  const std::vector<PlateDetection> found = {candidate(0.9, Kind::kept, {0, 0, 100, 20}),
                                             candidate(0.8, Kind::kept, {0, 100, 100, 20}),
                                             candidate(0.7, Kind::ground, {0, 200, 100, 20}),
                                             candidate(0.1, Kind::spare, {0, 300, 100, 20}),
                                             candidate(0.1, Kind::spare, {0, 400, 100, 20}),
                                             candidate(0.1, Kind::spare, {0, 500, 100, 20})};
  ASSERT_EQ(verified_outlines(found).size(), 5u);  // all but the ground's
  const std::vector<double> probability = {0.9, kVerifierReads, kVerifierPromotes - 0.01, 0.6, 0.9};
  const std::vector<PlateDetection> read = verified_candidates(found, probability);
  ASSERT_EQ(read.size(), 5u);
  EXPECT_DOUBLE_EQ(read[0].score, 0.9);
  EXPECT_DOUBLE_EQ(read[1].score, 0.8);
  EXPECT_TRUE(read[2].from_ground);
  // The surer spare first; the one under kVerifierPromotes is not read.
  EXPECT_EQ(read[3].outline.corners[0], cv::Point2f(0, 500));
  EXPECT_EQ(read[4].outline.corners[0], cv::Point2f(0, 400));
  EXPECT_THROW(verified_candidates(found, std::vector<double>{0.5, 0.5, 0.5}), EngineError);
}

TEST(VerifiedCandidates, AKeptCandidateTheVerifierAllButRulesOutIsNotRead) {
  // Print on a car, kept by the detector beside the plate; a candidate found
  // by its light ground is never judged.
  const std::vector<PlateDetection> found = {candidate(0.9, Kind::kept, {0, 0, 100, 20}),
                                             candidate(0.8, Kind::kept, {0, 100, 100, 20}),
                                             candidate(0.7, Kind::ground, {0, 200, 100, 20})};
  const std::vector<double> probability = {kVerifierReads - 0.001, 0.3};
  const std::vector<PlateDetection> read = verified_candidates(found, probability);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_DOUBLE_EQ(read[0].score, 0.8);
  EXPECT_TRUE(read[1].from_ground);
}

TEST(VerifiedCandidates, PromotesAtMostTheLimit) {
  std::vector<PlateDetection> found = {candidate(0.9, Kind::kept, {0, 0, 100, 20})};
  std::vector<double> probability = {0.9};
  for (int i = 1; i <= 5; ++i) {
    found.push_back(candidate(0.1, Kind::spare, {0, 100 * i, 100, 20}));
    probability.push_back(0.99);
  }
  EXPECT_EQ(verified_candidates(found, probability).size(), 1 + kMaxPromoted);
}

TEST(VerifiedCandidates, PromotesNoSecondCutOfAPlateReadAlready) {
  // A group of the kept candidate's text, and a plate elsewhere, both sure.
  const std::vector<PlateDetection> found = {candidate(0.9, Kind::kept, {100, 100, 120, 30}),
                                             candidate(0.1, Kind::spare, {104, 102, 50, 26}),
                                             candidate(0.1, Kind::spare, {400, 100, 120, 30})};
  const std::vector<double> probability = {0.9, 0.95, 0.9};
  const std::vector<PlateDetection> read = verified_candidates(found, probability);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[1].outline.corners[0], cv::Point2f(400, 100));
}

// A drawn plate and, above it, a row of black print on a light panel (a
// van's lettering) that the detector takes for a candidate too: the committed
// model judges the plate the surer, for plates of several sizes and looks.
TEST(CandidateVerifier, JudgesADrawnPlateSurerThanPrintOnACar) {
  CandidateVerifier verifier(default_verifier_model());
  const cv::Ptr<cv::freetype::FreeType2> font = testing::din_font();
  int surer = 0, tried = 0;
  for (const int height : {36, 50, 70}) {
    for (const std::string text : {"AB-1234", "KLM 404", "RD7"}) {
      testing::PlateStyle style;
      style.height = height;
      cv::Rect plate_box;
      cv::Mat frame = testing::render_scene(text, style, {640, 360}, {330, 300}, &plate_box);
      const cv::Rect panel(150, 40, 340, 3 * height);
      frame(panel).setTo(cv::Scalar(225, 225, 225));
      font->putText(frame, "SERVISS 24", {panel.x + 10, panel.y + 2 * height}, height * 7 / 10,
                    cv::Scalar(20, 20, 20), cv::FILLED, cv::LINE_AA, true);
      const cv::Rect print_box(panel.x + 5, panel.y + height / 2, panel.width - 10, 2 * height);
      const std::vector<Quad> outlines = {box_quad(plate_box), box_quad(print_box)};
      const std::vector<double> p = verifier.plate_probabilities(frame, outlines);
      ASSERT_EQ(p.size(), 2u);
      ++tried;
      surer += p[0] > p[1];
      EXPECT_GT(p[0], 0.5) << text << " at " << height << " px";
    }
  }
  EXPECT_EQ(surer, tried);
}

}  // namespace
}  // namespace anpr::engine
