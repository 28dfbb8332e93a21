// Tests of the learned read stage: CTC decoding and the nets' mixture on
// made-up probabilities (exact expectations), the input preprocessing, the
// committed nets read as one, and the first committed model
// (models/plate_crnn.onnx) on a synthetic Latvian row, a row drawn here in
// the plate typeface, a crop taken through the engine's own rectifier, the
// same crop whole, and rows with nothing to read. The model's output is also compared with the
// probabilities torch gave for the same row at export time, which catches
// an OpenCV import that silently differs from training.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/crnn_reader.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/plate_detector.h"
#include "edge/engine/plate_parts.h"
#include "edge/engine/rectifier.h"

namespace anpr::engine {
namespace {

constexpr int kClasses = static_cast<int>(kCrnnAlphabet.size()) + 1;
// data/lv_crop.jpg is image 11 of `anpr-synth plates --count 12 --countries
// LV --night-ratio 0 --seed 2024`, plate "PM-8661"; data/lv_row.png is its
// row cut without jitter by tools/train/synth_rows.py, and
// data/lv_row_probs.txt what torch gave for that row at export.
constexpr char kRowText[] = "PM8661";

std::filesystem::path source_dir() {
  if (const char* dir = std::getenv("ANPR_SOURCE_DIR")) return dir;
  return ANPR_SOURCE_DIR_FALLBACK;
}

std::filesystem::path data(const std::string& name) { return source_dir() / "tests/unit/engine_crnn/data" / name; }

std::string model_path(const char* name = "plate_crnn.onnx") { return (source_dir() / "models" / name).string(); }

cv::Mat gray(const std::string& name) {
  const cv::Mat image = cv::imread(data(name).string(), cv::IMREAD_GRAYSCALE);
  if (image.empty()) throw std::runtime_error("test image missing: " + data(name).string());
  return image;
}

constexpr char kDinFont[] = "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf";

// `text` drawn in kDinFont as a rectified plate row, 48 px high.
cv::Mat drawn_row(const char* text) {
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData(kDinFont, 0);
  cv::Mat colour(120, 400, CV_8UC3, cv::Scalar::all(235)), canvas;  // FreeType2 draws on BGR only
  font->putText(colour, text, cv::Point(20, 90), 80, cv::Scalar::all(25), -1, cv::LINE_AA, true);
  cv::cvtColor(colour, canvas, cv::COLOR_BGR2GRAY);
  cv::Mat ink;
  cv::threshold(canvas, ink, 128, 255, cv::THRESH_BINARY_INV);
  const cv::Rect box = cv::boundingRect(ink);
  // The font is DIN's condensed cut; plates use the 1.32 times wider
  // Mittelschrift. Margins as the rectifier leaves them.
  cv::Mat wide;
  cv::resize(canvas(box), wide, cv::Size(static_cast<int>(box.width * 1.32), box.height), 0, 0, cv::INTER_LINEAR);
  const int mx = box.height * 15 / 100, my = box.height * 25 / 100;
  cv::Mat row;
  cv::copyMakeBorder(wide, row, my, my, mx, mx, cv::BORDER_CONSTANT, cv::Scalar(235));
  cv::resize(row, row, cv::Size(row.cols * 48 / row.rows, 48), 0, 0, cv::INTER_AREA);
  return row;
}

// Steps x classes probabilities where step t puts `peak` on class of
// symbols[t] ('-' = blank) and spreads the rest evenly.
cv::Mat steps(const std::string& symbols, float peak = 0.9f) {
  cv::Mat p(static_cast<int>(symbols.size()), kClasses, CV_32F, cv::Scalar((1 - peak) / (kClasses - 1)));
  for (int t = 0; t < p.rows; ++t) {
    const char s = symbols[static_cast<std::size_t>(t)];
    p.at<float>(t, s == '-' ? 0 : static_cast<int>(kCrnnAlphabet.find(s)) + 1) = peak;
  }
  return p;
}

int class_index(char c) { return static_cast<int>(kCrnnAlphabet.find(c)) + 1; }

std::string top_choices(const LineReading& reading) {
  std::string text;
  for (const ReadSymbol& s : reading) text += s.choices.front().symbol;
  return text;
}

TEST(CtcDecoding, MergesRepeatsAndSplitsThemOnBlanks) {
  const cv::Mat p = steps("-AA-A-BB--7");
  EXPECT_EQ(top_choices(ctc_positions(p, {})), "AAB7");
  const std::vector<TextCandidate> texts = ctc_best_texts(p, 3, 16);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, "AAB7");
  EXPECT_GT(texts[0].confidence, 0.3);
  for (std::size_t i = 1; i < texts.size(); ++i) EXPECT_LE(texts[i].confidence, texts[i - 1].confidence);
}

TEST(CtcDecoding, SplitsARepeatWhoseStepLeansTowardsBlank) {
  // A, A, A, B; at the second step A is still the likeliest but a blank
  // nearly as likely: the net unsure whether one A or two.
  cv::Mat p = steps("AAAB");
  p.at<float>(1, class_index('A')) = 0.55f;
  p.at<float>(1, 0) = 0.35f;
  EXPECT_EQ(top_choices(ctc_positions(p, {})), "AAB");
  CrnnOptions merging;
  merging.repeat_split_blank = 0.5f;
  EXPECT_EQ(top_choices(ctc_positions(p, merging)), "AB");
  // A repeat with no doubt about it stays one character.
  EXPECT_EQ(top_choices(ctc_positions(steps("AAAB"), {})), "AB");
}

TEST(CtcDecoding, BeamSumsAlignmentsTheBestPathMisses) {
  // Each step: blank 0.4, A 0.35, B 0.25. The best path is blank-blank
  // (nothing), yet "A" has 0.35^2 + 2 * 0.35 * 0.4 = 0.4025 over its
  // three alignments, more than "" (0.16).
  cv::Mat p(2, kClasses, CV_32F, cv::Scalar(0));
  for (int t = 0; t < 2; ++t) {
    p.at<float>(t, 0) = 0.4f;
    p.at<float>(t, 1 + static_cast<int>(kCrnnAlphabet.find('A'))) = 0.35f;
    p.at<float>(t, 1 + static_cast<int>(kCrnnAlphabet.find('B'))) = 0.25f;
  }
  EXPECT_TRUE(ctc_positions(p, {}).empty());
  const std::vector<TextCandidate> texts = ctc_best_texts(p, 2, 8);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].text, "A");
  EXPECT_NEAR(texts[0].confidence, 0.4025, 1e-6);
  EXPECT_EQ(texts[1].text, "B");  // 0.25^2 + 2 * 0.25 * 0.4 = 0.2625
  EXPECT_NEAR(texts[1].confidence, 0.2625, 1e-6);
}

TEST(CtcDecoding, TextProbabilitySumsEveryAlignment) {
  // The two steps of BeamSumsAlignmentsTheBestPathMisses.
  cv::Mat p(2, kClasses, CV_32F, cv::Scalar(0));
  for (int t = 0; t < 2; ++t) {
    p.at<float>(t, 0) = 0.4f;
    p.at<float>(t, class_index('A')) = 0.35f;
    p.at<float>(t, class_index('B')) = 0.25f;
  }
  EXPECT_NEAR(ctc_text_probability(p, "A"), 0.4025, 1e-6);
  EXPECT_NEAR(ctc_text_probability(p, "B"), 0.2625, 1e-6);
  EXPECT_NEAR(ctc_text_probability(p, ""), 0.16, 1e-6);
  EXPECT_NEAR(ctc_text_probability(p, "AB"), 0.35 * 0.25, 1e-6);
  EXPECT_EQ(ctc_text_probability(p, "AA"), 0.0);  // a doubled letter needs a blank between: three steps
  EXPECT_EQ(ctc_text_probability(p, "ABA"), 0.0);
  EXPECT_EQ(ctc_text_probability(p, "a"), 0.0);

  // Against every path of four steps over blank, A and B, collapsed.
  cv::Mat q(4, kClasses, CV_32F, cv::Scalar(0));
  const float rows[4][3] = {{0.2f, 0.5f, 0.3f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.7f, 0.2f}, {0.3f, 0.1f, 0.6f}};
  const int cls[3] = {0, class_index('A'), class_index('B')};
  for (int t = 0; t < 4; ++t) {
    for (int k = 0; k < 3; ++k) q.at<float>(t, cls[k]) = rows[t][k];
  }
  std::map<std::string, double> brute;
  for (int path = 0; path < 81; ++path) {
    std::string text;
    double probability = 1.0;
    int previous = 0;
    for (int t = 0, code = path; t < 4; ++t, code /= 3) {
      const int k = code % 3;
      probability *= rows[t][k];
      if (k != 0 && k != previous) text += k == 1 ? 'A' : 'B';
      previous = k;
    }
    brute[text] += probability;
  }
  for (const auto& [text, probability] : brute) EXPECT_NEAR(ctc_text_probability(q, text), probability, 1e-6) << text;
}

TEST(CtcDecoding, MixtureChoosesTheTextMostProbableOverTheNets) {
  // The first net leans to "AB" (0.5 a step), the second is sure of "AC":
  // the mixture takes "AC" though it is only the second net's reading.
  const cv::Mat unsure = steps("A-B", 0.5f), sure_c = steps("A-C", 0.97f), sure_b = steps("A-B", 0.97f);
  const std::vector<std::string> texts{"AB", "AC"};
  EXPECT_EQ(most_probable_text({unsure, sure_c}, texts), 1u);
  EXPECT_EQ(most_probable_text({sure_b, steps("A-C", 0.5f)}, texts), 0u);
  EXPECT_EQ(most_probable_text({sure_b, sure_c}, texts), 0u);  // a tie: the first
  EXPECT_NEAR(mixture_probability({unsure, sure_c}, "AC"),
              (ctc_text_probability(unsure, "AC") + ctc_text_probability(sure_c, "AC")) / 2, 1e-12);
  EXPECT_GT(mixture_probability({unsure, sure_c}, "AC"), mixture_probability({unsure, sure_c}, "AB"));
}

TEST(CtcDecoding, GivesEachPositionItsAlternatives) {
  cv::Mat p(3, kClasses, CV_32F, cv::Scalar(0));
  const auto cls = [](char c) { return 1 + static_cast<int>(kCrnnAlphabet.find(c)); };
  p.at<float>(0, cls('8')) = 0.6f;
  p.at<float>(0, cls('B')) = 0.39f;
  p.at<float>(0, cls('3')) = 0.01f;
  p.at<float>(1, cls('8')) = 0.7f;  // same character, a second step
  p.at<float>(1, cls('B')) = 0.2f;
  p.at<float>(1, 0) = 0.1f;
  p.at<float>(2, 0) = 1.0f;
  const LineReading reading = ctc_positions(p, {});
  ASSERT_EQ(reading.size(), 1u);
  ASSERT_EQ(reading[0].choices.size(), 2u);  // '3' is under min_alternative
  EXPECT_EQ(reading[0].choices[0].symbol, '8');
  EXPECT_FLOAT_EQ(reading[0].choices[0].probability, 0.7f);
  EXPECT_EQ(reading[0].choices[1].symbol, 'B');
  EXPECT_FLOAT_EQ(reading[0].choices[1].probability, 0.39f);
}

TEST(CtcDecoding, GivesEachPositionTheRowsColumnsItsStepsCover) {
  // 40 steps over the net's 160 columns: 4 input columns a step.
  cv::Mat p(40, kClasses, CV_32F, cv::Scalar(0));
  for (int t = 0; t < 40; ++t) p.at<float>(t, 0) = 1.0f;
  const auto put = [&](int t, char c) {
    p.at<float>(t, 0) = 0.0f;
    p.at<float>(t, 1 + static_cast<int>(kCrnnAlphabet.find(c))) = 1.0f;
  };
  put(4, 'J');
  put(5, 'J');
  put(12, '7');
  // A 96 x 48 row is 64 input columns wide (16 steps): 6 of its own columns a step.
  const LineReading reading = ctc_positions(p, {}, cv::Size(96, 48));
  ASSERT_EQ(reading.size(), 2u);
  EXPECT_EQ(reading[0].first_column, 24);
  EXPECT_EQ(reading[0].last_column, 35);
  EXPECT_EQ(reading[1].first_column, 72);
  EXPECT_EQ(reading[1].last_column, 77);
  // A row wider than the net's input is squeezed into it: 12 columns a step.
  EXPECT_EQ(ctc_positions(p, {}, cv::Size(480, 48))[1].first_column, 144);
  EXPECT_EQ(ctc_positions(p, {})[0].first_column, -1) << "no row size, no columns";
}

TEST(CtcDecoding, RefusesAMatrixOfTheWrongShape) {
  EXPECT_THROW(ctc_positions(cv::Mat(4, 10, CV_32F, cv::Scalar(0.1)), {}), EngineError);
  EXPECT_THROW(ctc_best_texts(cv::Mat(4, kClasses, CV_64F, cv::Scalar(0)), 3, 8), EngineError);
}

TEST(CrnnInput, KeepsTheAspectRatioAndPadsWithZeros) {
  cv::Mat row(48, 96, CV_8UC1, cv::Scalar(230));
  row.colRange(0, 48).setTo(20);
  const cv::Mat blob = crnn_input(row);
  ASSERT_EQ(blob.dims, 4);
  EXPECT_EQ(blob.size[2], kCrnnHeight);
  EXPECT_EQ(blob.size[3], kCrnnWidth);
  const float* v = blob.ptr<float>();
  // 96 x 48 becomes 64 x 32: dark half -1, light half +1 (mean 125, deviation 105).
  EXPECT_NEAR(v[5 * kCrnnWidth + 10], -1.0f, 1e-5);
  EXPECT_NEAR(v[5 * kCrnnWidth + 50], 1.0f, 1e-5);
  for (int x = 64; x < kCrnnWidth; ++x) EXPECT_EQ(v[5 * kCrnnWidth + x], 0.0f) << "column " << x;
}

TEST(CrnnInput, SqueezesLongRowsAndRefusesColourOrEmptyRows) {
  cv::Mat row(20, 400, CV_8UC1);
  cv::randu(row, 0, 255);
  const cv::Mat blob = crnn_input(row);
  const float* v = blob.ptr<float>();
  EXPECT_NE(v[(kCrnnHeight - 1) * kCrnnWidth + kCrnnWidth - 1], 0.0f);  // no padding left
  EXPECT_THROW(crnn_input(cv::Mat(20, 60, CV_8UC3, cv::Scalar::all(9))), EngineError);
  EXPECT_THROW(crnn_input(cv::Mat()), EngineError);
}

TEST(CrnnReader, NamesAMissingModel) {
  for (const std::vector<std::string>& paths : {std::vector<std::string>{"/nonexistent/plate.onnx"},
                                                std::vector<std::string>{model_path(), "/nonexistent/plate.onnx"}}) {
    try {
      CrnnReader reader(paths);
      FAIL() << "loading a missing model did not throw";
    } catch (const EngineError& e) {
      EXPECT_NE(std::string(e.what()).find("/nonexistent/plate.onnx"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(CrnnReader(std::vector<std::string>{}), EngineError);
}

class CommittedModel : public ::testing::Test {
 protected:
  CommittedModel() : reader_({model_path()}) {}
  CrnnReader reader_;
};

TEST_F(CommittedModel, GivesTheProbabilitiesTorchGaveAtExport) {
  std::ifstream in(data("lv_row_probs.txt"));
  ASSERT_TRUE(in) << "reference missing: " << data("lv_row_probs.txt");
  int classes = 0, count = 0;
  in >> classes >> count;
  ASSERT_EQ(classes, kClasses);
  const cv::Mat got = reader_.probabilities(gray("lv_row.png"));
  ASSERT_EQ(got.rows, count);
  ASSERT_EQ(got.cols, kClasses);
  double worst = 0;
  for (int t = 0; t < count; ++t) {
    for (int c = 0; c < kClasses; ++c) {
      double want = 0;
      ASSERT_TRUE(in >> want) << "reference ends at step " << t << " class " << c;
      worst = std::max(worst, std::abs(want - got.at<float>(t, c)));
    }
  }
  // The file keeps six decimals; the two runtimes agree to ~1e-7.
  EXPECT_LT(worst, 1e-4);
}

TEST_F(CommittedModel, ReadsAGeneratedLatvianRowExactly) {
  const cv::Mat row = gray("lv_row.png");
  const std::vector<TextCandidate> texts = reader_.read_texts(row, 5);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, kRowText);
  EXPECT_GT(texts[0].confidence, 0.8);
  EXPECT_EQ(top_choices(reader_.read(row)), kRowText);
}

TEST_F(CommittedModel, ReadsARowDrawnInThePlateTypeface) {
  if (!std::filesystem::exists(kDinFont)) GTEST_SKIP() << kDinFont << " (fonts-opendin) is not installed";
  const std::vector<TextCandidate> texts = reader_.read_texts(drawn_row("KX-4807"), 3);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, "KX4807");
}

TEST_F(CommittedModel, ReadsACropThroughTheEnginesRectifier) {
  const cv::Mat bgr = cv::imread(data("lv_crop.jpg").string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(bgr.empty()) << data("lv_crop.jpg");
  cv::Mat g;
  cv::cvtColor(bgr, g, cv::COLOR_BGR2GRAY);
  const RectifiedPlate plate = rectify(bgr, locate_in_crop(g, {}), {});
  ASSERT_EQ(plate.rows.size(), 1u);
  const std::vector<TextCandidate> texts = reader_.read_texts(plate.rows[0], 3);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, kRowText);
}

// What Engine::read_crop gives the reader besides the row: the whole crop.
TEST_F(CommittedModel, ReadsAWholeGeneratedPlate) {
  const cv::Mat bgr = cv::imread(data("lv_crop.jpg").string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(bgr.empty()) << data("lv_crop.jpg");
  const float w = static_cast<float>(bgr.cols), h = static_cast<float>(bgr.rows);
  const Quad crop{{cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h), cv::Point2f(0, h)}};
  const std::vector<TextCandidate> texts = reader_.read_texts(warp_part(bgr, crop, 48), 3);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, kRowText);
  EXPECT_GT(texts[0].confidence, 0.8);
}

TEST_F(CommittedModel, FindsNothingConfidentInRowsWithoutText) {
  cv::Mat noise(48, 150, CV_8UC1);
  cv::randn(noise, 128, 20);
  for (const cv::Mat& row : {cv::Mat(48, 150, CV_8UC1, cv::Scalar(200)), noise}) {
    const std::vector<TextCandidate> texts = reader_.read_texts(row, 3);
    if (!texts.empty()) {
      EXPECT_LT(texts[0].confidence, 0.3) << texts[0].text;
    }
  }
}

// The engine's reader: the committed nets, read as one.
class CommittedNets : public ::testing::Test {
 protected:
  CommittedNets()
      : reader_({model_path(), model_path("plate_crnn_scenes.onnx"), model_path("plate_crnn_scenes_short.onnx"),
                 model_path("plate_crnn_tuned.onnx")}) {}
  CrnnReader reader_;
};

TEST_F(CommittedNets, ReadRowsAsOneReader) {
  const cv::Mat row = gray("lv_row.png");
  EXPECT_EQ(top_choices(reader_.read(row)), kRowText);
  const std::vector<TextCandidate> texts = reader_.read_texts(row, 5);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0].text, kRowText);
  EXPECT_GT(texts[0].confidence, 0.8);
  for (std::size_t i = 1; i < texts.size(); ++i) EXPECT_LE(texts[i].confidence, texts[i - 1].confidence);
  if (std::filesystem::exists(kDinFont)) {
    EXPECT_EQ(top_choices(reader_.read(drawn_row("KX-4807"))), "KX4807");
  }
}

TEST(CrnnReader, ANetTwiceReadsAsTheNetOnce) {
  CrnnOptions always;
  always.ask_others_below = 1.1;  // the second net is asked for every row
  CrnnReader once({model_path()}), twice({model_path(), model_path()}, always);
  for (const cv::Mat& row : {gray("lv_row.png"), gray("lv_row.png")(cv::Rect(0, 0, 60, 48)).clone()}) {
    const LineReading a = once.read(row), b = twice.read(row);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].choices.front().symbol, b[i].choices.front().symbol);
      EXPECT_FLOAT_EQ(a[i].choices.front().probability, b[i].choices.front().probability);
    }
    const std::vector<TextCandidate> ta = once.read_texts(row, 3), tb = twice.read_texts(row, 3);
    ASSERT_EQ(ta.size(), tb.size());
    for (std::size_t i = 0; i < ta.size(); ++i) {
      EXPECT_EQ(ta[i].text, tb[i].text);
      // The beam's total against the exact sum: the beam drops alignments it
      // pruned (1e-3 of the cut row's text with stage h).
      EXPECT_NEAR(ta[i].confidence, tb[i].confidence, 2e-3);
    }
  }
}

TEST(CrnnReader, AsksTheOtherNetsOnlyWhereTheFirstIsUnsureAndTheSecondDisagrees) {
  const std::vector<std::string> four(4, model_path());
  const cv::Mat row = gray("lv_row.png");
  CrnnReader gated(four);
  const std::size_t loaded = gated.forward_passes();
  EXPECT_EQ(loaded, 4u) << "each net is run once at load";
  gated.read(row);
  EXPECT_EQ(gated.forward_passes(), loaded + 1) << "the first net is sure of this row";

  CrnnOptions always;
  always.ask_others_below = 1.1;
  CrnnReader agreeing(four, always);
  agreeing.read(row);
  EXPECT_EQ(agreeing.forward_passes(), loaded + 2) << "the second net (the same) reads the first's text";

  always.second_agreeing_suffices = false;
  CrnnReader every(four, always);
  EXPECT_EQ(top_choices(every.read(row)), top_choices(agreeing.read(row)));
  EXPECT_EQ(every.forward_passes(), loaded + 4);
}

}  // namespace
}  // namespace anpr::engine
