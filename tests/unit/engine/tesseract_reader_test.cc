// The reader alone on a clean drawn crop: the characters come out in order,
// each with alternatives that are probabilities, best first.
#include "edge/engine/tesseract_reader.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

// The text part of a drawn plate without the strip, as a 48 px gray row.
cv::Mat clean_row(const std::string& text) {
  testing::PlateStyle style;
  style.height = 64;
  style.eu_band = false;
  const cv::Mat plate = testing::render_plate(text, style);
  cv::Mat gray, row;
  cv::cvtColor(plate(cv::Rect(4, 4, plate.cols - 8, plate.rows - 8)), gray, cv::COLOR_BGR2GRAY);
  cv::resize(gray, row, cv::Size(gray.cols * 48 / gray.rows, 48), 0, 0, cv::INTER_AREA);
  return row;
}

std::string best_text(const LineReading& reading) {
  std::string text;
  for (const ReadSymbol& s : reading) text += s.choices.front().symbol;
  return text;
}

TEST(TesseractReader, ReadsACleanRow) {
  TesseractReader reader({});
  const LineReading reading = reader.read(clean_row("KX 4821"));
  EXPECT_EQ(best_text(reading), "KX4821");
  for (const ReadSymbol& symbol : reading) {
    ASSERT_FALSE(symbol.choices.empty());
    EXPECT_LE(symbol.choices.size(), ReaderOptions{}.max_alternatives);
    for (std::size_t i = 0; i < symbol.choices.size(); ++i) {
      EXPECT_GE(symbol.choices[i].probability, 0.0f);
      EXPECT_LE(symbol.choices[i].probability, 1.0f);
      if (i > 1) {
        EXPECT_LE(symbol.choices[i].probability, symbol.choices[i - 1].probability);
      }
    }
  }
  EXPECT_GT(reading.front().choices.front().probability, 0.5f);
}

TEST(TesseractReader, IsReusableAcrossRows) {
  TesseractReader reader({});
  EXPECT_EQ(best_text(reader.read(clean_row("AB 1234"))), "AB1234");
  EXPECT_EQ(best_text(reader.read(clean_row("XYZ 987"))), "XYZ987");
}

TEST(TesseractReader, BlankRowReadsNothingLikely) {
  // Tesseract may still hallucinate a faint 'O' on an empty light row; what
  // matters is that nothing comes with a probability worth reporting.
  TesseractReader reader({});
  for (const int level : {0, 128, 230, 255}) {
    for (const ReadSymbol& s : reader.read(cv::Mat(48, 200, CV_8UC1, cv::Scalar(level)))) {
      EXPECT_LT(s.choices.front().probability, 0.2f) << "level " << level << " read " << s.choices.front().symbol;
    }
  }
}

TEST(TesseractReader, MissingLanguageDataIsAnError) {
  ReaderOptions options;
  options.tessdata_dir = "/nonexistent/tessdata";
  EXPECT_THROW(TesseractReader{options}, EngineError);
}

}  // namespace
}  // namespace anpr::engine
