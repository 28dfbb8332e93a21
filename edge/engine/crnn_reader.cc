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

std::string best_path_text(const LineReading& reading) {
  std::string text;
  for (const ReadSymbol& symbol : reading) text += symbol.choices.front().symbol;
  return text;
}

// Probability of a prefix split by how its alignments end: in a blank, or
// in its last character (which a following repeat then extends, not doubles).
struct Beam {
  double blank = 0;
  double label = 0;
  double total() const { return blank + label; }
};

// The width a row of `size` is scaled to for the net (its height to
// kCrnnHeight), rounded as row_input.py rounds it (floor(x + 0.5)), so both
// agree on halves.
int input_width(cv::Size size) {
  const double scaled = size.width * kCrnnHeight / static_cast<double>(size.height);
  return std::clamp(static_cast<int>(std::floor(scaled + 0.5)), 1, kCrnnWidth);
}

}  // namespace

cv::Mat crnn_input(const cv::Mat& gray_row) {
  if (gray_row.empty() || gray_row.type() != CV_8UC1) {
    throw EngineError("the CRNN reader needs a non-empty 8-bit gray row, got " + std::to_string(gray_row.cols) +
                      " x " + std::to_string(gray_row.rows) + " of type " + std::to_string(gray_row.type()));
  }
  const int width = input_width(gray_row.size());
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

LineReading ctc_positions(const cv::Mat& step_probs, const CrnnOptions& options, cv::Size row_size) {
  check_step_probs(step_probs);
  // crnn_input's scaling: the row to kCrnnHeight, its width (at most
  // kCrnnWidth) over the net's steps.
  double row_columns_per_step = 0;
  if (!row_size.empty() && step_probs.rows > 0) {
    row_columns_per_step =
        kCrnnWidth / static_cast<double>(step_probs.rows) * row_size.width / input_width(row_size);
  }
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
    if (row_columns_per_step > 0) {
      symbol.first_column = std::min(static_cast<int>(span.first * row_columns_per_step), row_size.width - 1);
      symbol.last_column = std::min(static_cast<int>((span.last + 1) * row_columns_per_step) - 1, row_size.width - 1);
    }
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

double ctc_text_probability(const cv::Mat& step_probs, std::string_view text) {
  check_step_probs(step_probs);
  if (step_probs.rows == 0) return text.empty() ? 1.0 : 0.0;
  // The label with a blank before, between and after its characters; an
  // alignment walks it left to right, a step at a time, skipping a blank
  // only between two different characters.
  std::vector<int> label(2 * text.size() + 1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int c = class_of(text[i]);
    if (c == 0) return 0.0;
    label[2 * i + 1] = c;
  }
  const std::size_t n = label.size();
  std::vector<double> alpha(n, 0.0), next(n);
  alpha[0] = step_probs.ptr<float>(0)[0];
  if (n > 1) alpha[1] = step_probs.ptr<float>(0)[label[1]];
  for (int t = 1; t < step_probs.rows; ++t) {
    const float* p = step_probs.ptr<float>(t);
    for (std::size_t s = 0; s < n; ++s) {
      double sum = alpha[s] + (s >= 1 ? alpha[s - 1] : 0.0);
      if (s >= 2 && label[s] != 0 && label[s] != label[s - 2]) sum += alpha[s - 2];
      next[s] = sum * p[label[s]];
    }
    alpha.swap(next);
  }
  return alpha[n - 1] + (n > 1 ? alpha[n - 2] : 0.0);
}

double mixture_probability(const std::vector<cv::Mat>& step_probs, std::string_view text) {
  double sum = 0.0;
  for (const cv::Mat& p : step_probs) sum += ctc_text_probability(p, text);
  return step_probs.empty() ? 0.0 : sum / static_cast<double>(step_probs.size());
}

std::size_t most_probable_text(const std::vector<cv::Mat>& step_probs, const std::vector<std::string>& texts) {
  std::size_t best = 0;
  double best_probability = -1.0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const double probability = mixture_probability(step_probs, texts[i]);
    if (probability > best_probability) best = i, best_probability = probability;
  }
  return best;
}

CrnnReader::CrnnReader(const std::vector<std::string>& onnx_paths, const CrnnOptions& options)
    : paths_(onnx_paths), options_(options) {
  if (paths_.empty()) throw EngineError("the CRNN reader needs at least one model file");
  for (const std::string& path : paths_) {
    nets_.push_back(load_onnx_model(path, "CRNN model"));
    // One read now, so a model with the wrong output is refused at load
    // rather than on the first plate.
    probabilities(nets_.size() - 1, cv::Mat(kCrnnHeight, kCrnnWidth, CV_8UC1, cv::Scalar(255)));
  }
}

cv::Mat CrnnReader::probabilities(std::size_t net, const cv::Mat& gray_row) {
  ++forward_passes_;
  nets_[net].setInput(crnn_input(gray_row));
  const cv::Mat out = nets_[net].forward();
  if (out.dims != 4 || out.size[0] != 1 || out.size[1] != kClasses || out.size[2] != 1) {
    throw EngineError("CRNN model " + paths_[net] + " gives an output that is not 1 x " + std::to_string(kClasses) +
                      " x 1 x steps");
  }
  // (classes, steps) as stored, transposed to one row per step (a copy: the
  // net's buffer is reused by its next forward).
  return cv::Mat(kClasses, out.size[3], CV_32F, const_cast<float*>(out.ptr<float>())).t();
}

cv::Mat CrnnReader::probabilities(const cv::Mat& gray_row) { return probabilities(0, gray_row); }

LineReading CrnnReader::read(const cv::Mat& gray_row) {
  std::vector<cv::Mat> probs{probabilities(0, gray_row)};
  std::vector<LineReading> readings{ctc_positions(probs[0], options_, gray_row.size())};
  std::vector<std::string> texts{best_path_text(readings[0])};
  if (nets_.size() == 1 || ctc_text_probability(probs[0], texts[0]) >= options_.ask_others_below) {
    return std::move(readings[0]);
  }
  for (std::size_t net = 1; net < nets_.size(); ++net) {
    probs.push_back(probabilities(net, gray_row));
    readings.push_back(ctc_positions(probs.back(), options_, gray_row.size()));
    texts.push_back(best_path_text(readings.back()));
    if (net == 1 && options_.second_agreeing_suffices && texts[1] == texts[0]) return std::move(readings[0]);
  }
  return std::move(readings[most_probable_text(probs, texts)]);
}

std::vector<TextCandidate> CrnnReader::read_texts(const cv::Mat& gray_row, std::size_t count) {
  if (nets_.size() == 1) return ctc_best_texts(probabilities(0, gray_row), count, options_.beam_width);
  std::vector<cv::Mat> probs;
  std::vector<std::string> texts;
  for (std::size_t net = 0; net < nets_.size(); ++net) {
    probs.push_back(probabilities(net, gray_row));
    for (TextCandidate& candidate : ctc_best_texts(probs.back(), count, options_.beam_width)) {
      if (std::find(texts.begin(), texts.end(), candidate.text) == texts.end()) texts.push_back(candidate.text);
    }
  }
  std::vector<TextCandidate> mixed;
  for (const std::string& text : texts) mixed.push_back({text, mixture_probability(probs, text)});
  std::stable_sort(mixed.begin(), mixed.end(),
                   [](const TextCandidate& a, const TextCandidate& b) { return a.confidence > b.confidence; });
  if (mixed.size() > count) mixed.resize(count);
  return mixed;
}

}  // namespace anpr::engine
