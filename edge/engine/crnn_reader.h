// A learned alternative to the Tesseract read stage: a small convolutional
// CTC net (models/plate_crnn*.onnx, trained on synthetic plates by
// tools/train/) run with OpenCV DNN. Tesseract's generic English model was
// never taught plate typefaces; this net was, and reads a row in a few
// milliseconds on one core. `read` has TesseractReader::read's signature so
// the engine can take either; `read_texts` gives whole-row alternatives
// straight from the net's CTC output.
//
// A reader may hold several nets trained apart; it then reads a row as their
// mixture: each net's best text is scored by the mean of the probabilities
// the nets give it, and the most probable wins. Texts, not steps, are
// compared because nets trained apart place their CTC peaks at different
// steps: averaging step probabilities read 72 % of generated plates where
// each net alone read 93 % and their mixture 94 % (docs/recognition.md,
// stop 21).
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
  // With several nets, the others are run only when the first net's own
  // text has less than this probability: above it the mixture rarely
  // chooses another text (with the four committed nets at 0.9, the dev sets
  // read as with the others always asked but for one plate, which the gate
  // kept right), and most rows of a frame are read by one net.
  double ask_others_below = 0.9;
  // Where they are asked, the second net is asked first, and where its text
  // is the first net's the rest are not. On generated 640x360 scenes the
  // second net agreed in 105 of 232 asks, and asking the rest then changed
  // the mixture's text once; 11 % of those frames' net passes (stop 33).
  bool second_agreeing_suffices = true;
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
// over the steps the character spans. Given the size of the row the steps
// were read from, each character also gets the row's columns its steps
// cover (ReadSymbol::first_column, last_column), as crnn_input scaled it.
LineReading ctc_positions(const cv::Mat& step_probs, const CrnnOptions& options, cv::Size row_size = {});

// The `count` most probable texts by CTC prefix beam search, most probable
// first; confidence is the text's probability summed over its alignments.
// The empty text is never returned, so a row with nothing readable yields
// few, improbable texts or none.
std::vector<TextCandidate> ctc_best_texts(const cv::Mat& step_probs, std::size_t count, std::size_t beam_width);

// The probability of `text` summed over all its alignments (the CTC forward
// pass); 0 for a text with a character outside kCrnnAlphabet.
double ctc_text_probability(const cv::Mat& step_probs, std::string_view text);

// The probability of `text` under the nets' mixture: the mean over
// `step_probs` (one matrix per net) of ctc_text_probability.
double mixture_probability(const std::vector<cv::Mat>& step_probs, std::string_view text);

// Of `texts`, the index of the one with the highest mixture_probability;
// the first wins a tie.
std::size_t most_probable_text(const std::vector<cv::Mat>& step_probs, const std::vector<std::string>& texts);

class CrnnReader {
 public:
  // Loads the ONNX models at `onnx_paths` (at least one; the first is asked
  // first); throws EngineError naming a file that is missing or not a model
  // with the expected output.
  explicit CrnnReader(const std::vector<std::string>& onnx_paths, const CrnnOptions& options = {});

  // The first net's per-step class probabilities for one row (steps x
  // classes, CV_32F).
  cv::Mat probabilities(const cv::Mat& gray_row);

  // The row's characters with their alternatives, as TesseractReader::read:
  // the first net's, or with several nets those of the net whose text the
  // mixture finds most probable (CrnnOptions says which nets are asked).
  LineReading read(const cv::Mat& gray_row);

  // The row's `count` most probable texts; with several nets, the texts any
  // net's beam search found, each with its mean probability over the nets.
  std::vector<TextCandidate> read_texts(const cv::Mat& gray_row, std::size_t count);

  // How many times a net has been run since loading (the load's own check
  // included): what the mixture's gates save.
  std::size_t forward_passes() const { return forward_passes_; }

 private:
  cv::Mat probabilities(std::size_t net, const cv::Mat& gray_row);

  std::vector<std::string> paths_;
  CrnnOptions options_;
  std::vector<cv::dnn::Net> nets_;
  std::size_t forward_passes_ = 0;
};

}  // namespace anpr::engine
