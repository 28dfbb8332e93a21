// The third pipeline stage: the characters of one rectified plate row, with
// Tesseract's alternatives for every position, so a later stage can prefer
// "AB1234" over the top reading "A81234" when only the former is a real
// plate. Tesseract takes ~100 ms to load and holds per-page state, so one
// reader is made per worker thread and reused for every frame.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace tesseract {
class TessBaseAPI;
}

namespace anpr::engine {

struct ReaderOptions {
  std::string tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";
  std::string language = "eng";
  std::size_t max_alternatives = 3;  // per character position
  float min_alternative = 0.02f;     // alternatives less likely than this are noise
};

struct CharChoice {
  char symbol;        // A-Z or 0-9
  float probability;  // in [0, 1]
};

// One character read: its alternatives, most likely first (at least one).
// (Tesseract's symbol boxes were tried for dropping reads in the margins;
// with LSTM they are too loose to tell the plate edge from a character.)
struct ReadSymbol {
  std::vector<CharChoice> choices;
  // Columns of the row the character spans, first and last, where the reader
  // says (the CRNN's steps); -1 where it does not (Tesseract).
  int first_column = -1;
  int last_column = -1;
};

// The characters of a row, left to right.
using LineReading = std::vector<ReadSymbol>;

class TesseractReader {
 public:
  // Loads `options.language` from `options.tessdata_dir`; throws EngineError
  // naming both when that fails.
  explicit TesseractReader(const ReaderOptions& options);
  ~TesseractReader();
  TesseractReader(const TesseractReader&) = delete;
  TesseractReader& operator=(const TesseractReader&) = delete;

  // Reads one row (CV_8UC1, dark text on a light ground) as a single line.
  LineReading read(const cv::Mat& gray_row);

 private:
  ReaderOptions options_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace anpr::engine
