// The learned read stage; see crnn_reader.h.
#include "edge/engine/crnn_reader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/model_files.h"

namespace anpr::engine {
namespace {

constexpr int kClasses = static_cast<int>(kCrnnAlphabet.size()) + 1;
// Classes less likely than this at a step start no beam: below it they
// cannot reach any top text, and skipping them keeps the search to the few
// live characters of each step.
constexpr float kBeamFloor = 1e-3f;

void check_step_probs(const cv::Mat& step_probs) {
  if (step_probs.type() != CV_32FC1 || step_probs.cols != kClasses) {
    throw EngineError("CTC decoding needs a steps x " + std::to_string(kClasses) +
                      " float matrix, got " + std::to_string(step_probs.rows) + " x " +
                      std::to_string(step_probs.cols) + " of type " + std::to_string(step_probs.type()));
  }
}

int argmax(const float* p) { return static_cast<int>(std::max_element(p, p + kClasses) - p); }

int class_of(char c) { return static_cast<int>(kCrnnAlphabet.find(c)) + 1; }

// Probability of a prefix split by how its alignments end: in a blank, or
// in its last character (which a following repeat then extends, not doubles).
struct Beam {
  double blank = 0;
  double label = 0;
  double total() const { return blank + label; }
};

}  // namespace

cv::Mat crnn_input(const cv::Mat& gray_row) {
  if (gray_row.empty() || gray_row.type() != CV_8UC1) {
    throw EngineError("the CRNN reader needs a non-empty 8-bit gray row, got " + std::to_string(gray_row.cols) +
                      " x " + std::to_string(gray_row.rows) + " of type " + std::to_string(gray_row.type()));
  }
  // Rounded as row_input.py rounds it (floor(x + 0.5)), so both agree on halves.
  const double scaled = gray_row.cols * kCrnnHeight / static_cast<double>(gray_row.rows);
  const int width = std::clamp(static_cast<int>(std::floor(scaled + 0.5)), 1, kCrnnWidth);
  cv::Mat resized;
  cv::resize(gray_row, resized, cv::Size(width, kCrnnHeight), 0, 0, cv::INTER_AREA);
  cv::Scalar mean, dev;
  cv::meanStdDev(resized, mean, dev);
  const double deviation = std::max(dev[0], 1.0);
  const int size[] = {1, 1, kCrnnHeight, kCrnnWidth};
  cv::Mat blob(4, size, CV_32F, cv::Scalar(0));
  float* out = blob.ptr<float>();
  for (int y = 0; y < kCrnnHeight; ++y) {
    const uchar* in = resized.ptr<uchar>(y);
    for (int x = 0; x < width; ++x) out[y * kCrnnWidth + x] = static_cast<float>((in[x] - mean[0]) / deviation);
  }
  return blob;
}

LineReading ctc_positions(const cv::Mat& step_probs, const CrnnOptions& options) {
  check_step_probs(step_probs);
  struct Span {
    int first, last;
  };
  std::vector<Span> spans;
  int previous = 0;
  for (int t = 0; t < step_probs.rows; ++t) {
    const int k = argmax(step_probs.ptr<float>(t));
    if (k != 0 && k == previous) {
      spans.back().last = t;
      // The net hesitating between one character and two: the next step of
      // the same class starts another (CrnnOptions::repeat_split_blank).
      previous = step_probs.ptr<float>(t)[0] >= options.repeat_split_blank ? 0 : k;
    } else {
      if (k != 0) spans.push_back({t, t});
      previous = k;
    }
  }
  LineReading reading;
  std::vector<int> order(kClasses - 1);
  std::vector<float> score(kClasses);
  for (const Span& span : spans) {
    std::fill(score.begin(), score.end(), 0.0f);
    for (int t = span.first; t <= span.last; ++t) {
      const float* p = step_probs.ptr<float>(t);
      for (int c = 1; c < kClasses; ++c) score[c] = std::max(score[c], p[c]);
    }
    std::iota(order.begin(), order.end(), 1);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return score[a] > score[b]; });
    ReadSymbol symbol;
    for (int c : order) {
      if (symbol.choices.size() >= std::max<std::size_t>(options.max_alternatives, 1)) break;
      if (!symbol.choices.empty() && score[c] < options.min_alternative) break;
      symbol.choices.push_back({kCrnnAlphabet[c - 1], score[c]});
    }
    reading.push_back(std::move(symbol));
  }
  return reading;
}

std::vector<TextCandidate> ctc_best_texts(const cv::Mat& step_probs, std::size_t count, std::size_t beam_width) {
  check_step_probs(step_probs);
  std::vector<std::pair<std::string, Beam>> beams{{"", Beam{1.0, 0.0}}};
  for (int t = 0; t < step_probs.rows; ++t) {
    const float* p = step_probs.ptr<float>(t);
    std::map<std::string, Beam> next;
    for (const auto& [prefix, beam] : beams) {
      next[prefix].blank += beam.total() * p[0];
      if (!prefix.empty()) next[prefix].label += beam.label * p[class_of(prefix.back())];
      for (int c = 1; c < kClasses; ++c) {
        if (p[c] < kBeamFloor) continue;
        const char symbol = kCrnnAlphabet[c - 1];
        // A repeat only starts a new character after a blank.
        const double from = !prefix.empty() && prefix.back() == symbol ? beam.blank : beam.total();
        next[prefix + symbol].label += from * p[c];
      }
    }
    beams.assign(next.begin(), next.end());
    const std::size_t keep = std::min(beams.size(), std::max<std::size_t>(beam_width, 1));
    std::partial_sort(beams.begin(), beams.begin() + static_cast<std::ptrdiff_t>(keep), beams.end(),
                      [](const auto& a, const auto& b) { return a.second.total() > b.second.total(); });
    beams.resize(keep);
  }
  std::vector<TextCandidate> texts;
  for (const auto& [prefix, beam] : beams) {
    if (texts.size() == count) break;
    if (!prefix.empty()) texts.push_back({prefix, beam.total()});
  }
  return texts;
}

CrnnReader::CrnnReader(const std::string& onnx_path, const CrnnOptions& options)
    : path_(onnx_path), options_(options), net_(load_onnx_model(onnx_path, "CRNN model")) {
  // One read now, so a model with the wrong output is refused at load
  // rather than on the first plate.
  probabilities(cv::Mat(kCrnnHeight, kCrnnWidth, CV_8UC1, cv::Scalar(255)));
}

cv::Mat CrnnReader::probabilities(const cv::Mat& gray_row) {
  net_.setInput(crnn_input(gray_row));
  const cv::Mat out = net_.forward();
  if (out.dims != 4 || out.size[0] != 1 || out.size[1] != kClasses || out.size[2] != 1) {
    throw EngineError("CRNN model " + path_ + " gives an output that is not 1 x " + std::to_string(kClasses) +
                      " x 1 x steps");
  }
  // (classes, steps) as stored, transposed to one row per step.
  return cv::Mat(kClasses, out.size[3], CV_32F, const_cast<float*>(out.ptr<float>())).t();
}

LineReading CrnnReader::read(const cv::Mat& gray_row) { return ctc_positions(probabilities(gray_row), options_); }

std::vector<TextCandidate> CrnnReader::read_texts(const cv::Mat& gray_row, std::size_t count) {
  return ctc_best_texts(probabilities(gray_row), count, options_.beam_width);
}

}  // namespace anpr::engine
