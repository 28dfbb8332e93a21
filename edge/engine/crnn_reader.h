// A learned alternative to the Tesseract read stage: a small convolutional
// CTC net (models/plate_crnn.onnx, trained on synthetic plates by
// tools/train/) run with OpenCV DNN. Tesseract's generic English model was
// never taught plate typefaces; this net was, and reads a row in a few
// milliseconds on one core. `read` has TesseractReader::read's signature so
// the engine can take either; `read_texts` gives whole-row alternatives
// straight from the net's CTC output.
//
// The preprocessing here must stay identical to tools/train/row_input.py:
// the row scaled to 32 px high keeping its aspect ratio (at most 160 px
// wide, squeezed beyond), normalised by its own mean and deviation and
// padded with zeros on the right to 32 x 160.
//
// A cv::dnn::Net keeps per-inference buffers and is not thread-safe: make
// one reader per worker thread (loading takes a few milliseconds).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include "edge/engine/tesseract_reader.h"
#include "edge/engine/text_candidates.h"

namespace anpr::engine {

// Class k > 0 of the net is kCrnnAlphabet[k - 1]; class 0 is the CTC blank.
inline constexpr std::string_view kCrnnAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr int kCrnnHeight = 32;
inline constexpr int kCrnnWidth = 160;

struct CrnnOptions {
  std::size_t max_alternatives = 3;  // per character position, as ReaderOptions
  float min_alternative = 0.02f;
  std::size_t beam_width = 16;       // prefixes kept per step by read_texts
  // A step of a repeated class whose blank probability reaches this ends the
  // character, so that the next step of the class starts a second one. The
  // net rarely puts a whole blank step between doubled letters of a whole
  // plate (`AA-552`, `MM-15`); it leans towards one. 0.1 on generated LV/LT
  // crops: 91.0 -> 91.7 % read, real validation sets unchanged (0.05-0.3
  // within 0.3 points).
  float repeat_split_blank = 0.1f;
};

// The net's input for one gray row (CV_8UC1): a 1x1x32x160 CV_32F blob.
// Throws EngineError for an empty or non-gray row.
cv::Mat crnn_input(const cv::Mat& gray_row);

// Decoding, on a steps x classes CV_32F matrix of per-step probabilities
// (kCrnnAlphabet.size() + 1 columns, rows summing to 1).
//
// The best path's characters (argmax per step, repeats merged unless
// repeat_split_blank splits them, blanks dropped), each with the
// alternatives the net gave its steps: a class's probability is its highest
// over the steps the character spans.
LineReading ctc_positions(const cv::Mat& step_probs, const CrnnOptions& options);

// The `count` most probable texts by CTC prefix beam search, most probable
// first; confidence is the text's probability summed over its alignments.
// The empty text is never returned, so a row with nothing readable yields
// few, improbable texts or none.
std::vector<TextCandidate> ctc_best_texts(const cv::Mat& step_probs, std::size_t count, std::size_t beam_width);

class CrnnReader {
 public:
  // Loads the ONNX model at `onnx_path`; throws EngineError naming the file
  // when it is missing or not a model with the expected output.
  explicit CrnnReader(const std::string& onnx_path, const CrnnOptions& options = {});

  // Per-step class probabilities for one row (steps x classes, CV_32F).
  cv::Mat probabilities(const cv::Mat& gray_row);

  // The row's characters with their alternatives, as TesseractReader::read.
  LineReading read(const cv::Mat& gray_row);

  // The row's `count` most probable texts.
  std::vector<TextCandidate> read_texts(const cv::Mat& gray_row, std::size_t count);

 private:
  std::string path_;
  CrnnOptions options_;
  cv::dnn::Net net_;
};

}  // namespace anpr::engine
