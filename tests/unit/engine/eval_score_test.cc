// anpr-eval's scoring rules (eval_score.h) on hand-made reads.
#include "edge/engine/eval_score.h"

#include <gtest/gtest.h>

namespace anpr::engine {
namespace {

PlateRead read_of(const std::string& text, cv::Rect box, std::vector<std::string> alternatives = {}) {
  PlateRead r;
  r.text = text;
  r.box = box;
  r.candidates.push_back({text, 0.9});
  for (const std::string& a : alternatives) r.candidates.push_back({a, 0.5});
  return r;
}

TruthPlate truth_of(const std::string& plate, std::optional<cv::Rect> box = std::nullopt) {
  return TruthPlate{"x.jpg", plate, "LV", "set", false, box};
}

TEST(EvalScore, PercentIsWhatTheTablesPrint) {
  EXPECT_EQ(percent(1, 8), " 12.5%");
  EXPECT_EQ(percent(3, 3), "100.0%");
  EXPECT_EQ(percent(0, 0), "  0.0%");
}

TEST(EvalScore, TextIgnoresSeparatorsAndHonoursHiddenCharacters) {
  EXPECT_TRUE(text_matches("AB-1234", "AB1234"));
  EXPECT_TRUE(text_matches("b 21 gsb", "B21GSB"));
  EXPECT_FALSE(text_matches("AB-1234", "AB1235"));
  EXPECT_FALSE(text_matches("AB-1234", ""));
  EXPECT_TRUE(text_matches("074? C?V", "0745CAV"));  // hidden characters read as something
  EXPECT_TRUE(text_matches("074? C?V", "074CV"));    // or skipped under the paint
  EXPECT_TRUE(text_matches("074? C?V", "0745CV"));
  EXPECT_FALSE(text_matches("074? C?V", "0745CAAV"));
  EXPECT_FALSE(text_matches("074? C?V", "074CX"));
  EXPECT_TRUE(text_matches("D\xC3\x9CW AS 870", "DUWAS870"));
}

TEST(EvalScore, BoxesMatchByOverlapOrCentre) {
  const cv::Rect truth(100, 100, 100, 30);
  EXPECT_TRUE(box_matches(truth, cv::Rect(110, 100, 100, 30)));
  EXPECT_TRUE(box_matches(truth, cv::Rect(140, 110, 20, 10)));   // small, centre inside
  EXPECT_TRUE(box_matches(truth, cv::Rect(0, 0, 400, 300)));     // large, holds the truth's centre
  EXPECT_FALSE(box_matches(truth, cv::Rect(300, 100, 100, 30)));
}

TEST(EvalScore, BoxedTruthIsJudgedOnTheOverlappingRead) {
  const std::vector<TruthPlate> truths = {truth_of("AB-1234", cv::Rect(100, 100, 100, 30))};
  const std::vector<PlateRead> right = {read_of("XY999", {400, 400, 90, 30}), read_of("AB1234", {105, 98, 95, 32})};
  const PlateOutcome hit = score_image(truths, right).front();
  EXPECT_TRUE(hit.found);
  EXPECT_TRUE(hit.top1);
  EXPECT_TRUE(hit.topn);
  EXPECT_EQ(hit.read, "AB1234");

  const std::vector<PlateRead> elsewhere = {read_of("AB1234", {400, 400, 90, 30})};
  const PlateOutcome miss = score_image(truths, elsewhere).front();
  EXPECT_FALSE(miss.found);
  EXPECT_FALSE(miss.top1);
  EXPECT_EQ(miss.read, "");

  const std::vector<PlateRead> second = {read_of("A81234", {100, 100, 100, 30}, {"AB1234"})};
  const PlateOutcome topn = score_image(truths, second).front();
  EXPECT_TRUE(topn.found);
  EXPECT_FALSE(topn.top1);
  EXPECT_TRUE(topn.topn);
}

TEST(EvalScore, UnboxedTruthsUseTheirCountOfBestReads) {
  const std::vector<TruthPlate> one = {truth_of("AB-1234")};
  const std::vector<PlateRead> reads = {read_of("XY999", {}), read_of("AB1234", {})};
  EXPECT_FALSE(score_image(one, reads).front().top1);  // only the best read counts
  EXPECT_TRUE(score_image(one, reads).front().found);
  const std::vector<TruthPlate> two = {truth_of("AB-1234"), truth_of("XY 999")};
  const std::vector<PlateOutcome> outcomes = score_image(two, reads);
  EXPECT_TRUE(outcomes[0].top1);
  EXPECT_TRUE(outcomes[1].top1);
  EXPECT_FALSE(score_image(one, {}).front().found);
}

TEST(EvalScore, CountryIsRightOnlyForAFoundPlateReportingTheTruthsCountry) {
  const cv::Rect box(100, 100, 120, 30);
  PlateRead lv = read_of("AB1234", box);
  lv.country = "LV";
  PlateRead lt = lv;
  lt.country = "LT";
  const std::vector<TruthPlate> truth = {truth_of("AB-1234", box)};
  PlateOutcome right = score_image(truth, std::vector<PlateRead>{lv}).front();
  EXPECT_TRUE(right.country_known);
  EXPECT_TRUE(right.country_right);
  PlateOutcome wrong = score_image(truth, std::vector<PlateRead>{lt}).front();
  EXPECT_TRUE(wrong.country_known);
  EXPECT_FALSE(wrong.country_right);
  EXPECT_EQ(wrong.read_country, "LT");
  PlateOutcome missed = score_image(truth, std::vector<PlateRead>{}).front();
  EXPECT_FALSE(missed.country_known);
  TruthPlate unknown = truth_of("AB-1234", box);
  unknown.country = "";
  EXPECT_FALSE(score_image(std::vector<TruthPlate>{unknown}, std::vector<PlateRead>{lv}).front().country_known);

  Tally t;
  t.add(right);
  t.add(wrong);
  t.add(missed);
  EXPECT_EQ(t.country_known, 2u);
  EXPECT_EQ(t.country_right, 1u);
}

TEST(EvalScore, TalliesAndPercentiles) {
  Tally t;
  t.add({true, true, true, "A"});
  t.add({true, false, true, "B"});
  t.add({false, false, false, ""});
  EXPECT_EQ(t.plates, 3u);
  EXPECT_EQ(t.found, 2u);
  EXPECT_EQ(t.top1, 1u);
  EXPECT_EQ(t.topn, 2u);
  EXPECT_DOUBLE_EQ(percentile({5, 1, 3, 2, 4}, 0.5), 3);
  EXPECT_DOUBLE_EQ(percentile({5, 1, 3, 2, 4, 6, 7, 8, 9, 10}, 0.9), 9);
  EXPECT_DOUBLE_EQ(percentile({}, 0.5), 0);
}

}  // namespace
}  // namespace anpr::engine
