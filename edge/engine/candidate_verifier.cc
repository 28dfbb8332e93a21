// The candidate verifier; see candidate_verifier.h.
#include "edge/engine/candidate_verifier.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/model_files.h"
#include "edge/engine/plate_reads.h"
#include "edge/engine/window_input.h"

namespace anpr::engine {

cv::Mat candidate_window(const cv::Mat& bgr, const Quad& outline) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw EngineError("candidate_window needs a non-empty BGR image");
  const float w = quad_width(outline), h = quad_height(outline);
  const Quad around = grown(outline, 0.1f * w, 0.1f * w, 0.2f * h, 0.2f * h);
  return cut_window(bgr, around, {kVerifierWidth, kVerifierHeight});
}

cv::Mat verifier_input(std::span<const cv::Mat> windows) {
  std::vector<cv::Mat> planes;
  planes.reserve(windows.size());
  for (const cv::Mat& window : windows) {
    if (window.type() != CV_8UC3 || window.cols != kVerifierWidth || window.rows != kVerifierHeight) {
      throw EngineError("verifier_input needs " + std::to_string(kVerifierWidth) + "x" +
                        std::to_string(kVerifierHeight) + " BGR windows");
    }
    planes.push_back(normalised_window(window));
  }
  return cv::dnn::blobFromImages(planes);
}

CandidateVerifier::CandidateVerifier(const std::string& onnx_path)
    : path_(onnx_path), net_(load_onnx_model(onnx_path, "verifier model")) {
  // One run now, so a model with the wrong output is refused at load.
  const cv::Mat gray(kVerifierHeight, kVerifierWidth, CV_8UC3, cv::Scalar::all(128));
  run(std::span(&gray, 1));
}

std::vector<double> CandidateVerifier::plate_probabilities(const cv::Mat& bgr, std::span<const Quad> outlines) {
  if (outlines.empty()) return {};
  std::vector<cv::Mat> windows;
  windows.reserve(outlines.size());
  for (const Quad& outline : outlines) windows.push_back(candidate_window(bgr, outline));
  return run(windows);
}

std::vector<double> CandidateVerifier::run(std::span<const cv::Mat> windows) {
  net_.setInput(verifier_input(windows));
  const cv::Mat out = net_.forward();
  if (out.total() != windows.size()) {
    throw EngineError("verifier model " + path_ + " gives " + std::to_string(out.total()) + " outputs for " +
                      std::to_string(windows.size()) + " windows, not one each");
  }
  // The net ends in a logit; the probability is its logistic.
  std::vector<double> probability;
  probability.reserve(windows.size());
  for (std::size_t i = 0; i < out.total(); ++i) {
    probability.push_back(1.0 / (1.0 + std::exp(-static_cast<double>(out.ptr<float>()[i]))));
  }
  return probability;
}

namespace {

// Which candidates the verifier gives a probability: one rule for
// verified_outlines and verified_candidates, so that the probabilities the
// one's outlines get line up with the other's candidates.
bool judged(const PlateDetection& candidate) { return !candidate.from_ground; }

}  // namespace

std::vector<Quad> verified_outlines(std::span<const PlateDetection> candidates) {
  std::vector<Quad> outlines;
  for (const PlateDetection& d : candidates) {
    if (judged(d)) outlines.push_back(d.outline);
  }
  return outlines;
}

std::vector<PlateDetection> verified_candidates(std::vector<PlateDetection> candidates,
                                                std::span<const double> probability) {
  if (probability.size() != static_cast<std::size_t>(std::count_if(candidates.begin(), candidates.end(), judged))) {
    throw EngineError("verified_candidates needs one probability per candidate not found by its ground");
  }
  std::vector<PlateDetection> read, spares;
  std::vector<double> spare_probability;
  auto p = probability.begin();
  for (PlateDetection& candidate : candidates) {
    if (!judged(candidate)) {
      read.push_back(std::move(candidate));
    } else if (candidate.spare) {
      spares.push_back(std::move(candidate));
      spare_probability.push_back(*p++);
    } else if (*p++ >= kVerifierReads) {
      read.push_back(std::move(candidate));
    }
  }
  std::vector<std::size_t> surest;
  for (std::size_t i = 0; i < spares.size(); ++i) {
    if (spare_probability[i] >= kVerifierPromotes) surest.push_back(i);
  }
  std::stable_sort(surest.begin(), surest.end(),
                   [&](std::size_t a, std::size_t b) { return spare_probability[a] > spare_probability[b]; });
  const auto box = [](const PlateDetection& d) {
    return cv::boundingRect(std::vector<cv::Point2f>(d.outline.corners.begin(), d.outline.corners.end()));
  };
  const std::size_t before = read.size();
  for (std::size_t i : surest) {
    if (read.size() - before == kMaxPromoted) break;
    const bool read_already = std::any_of(read.begin(), read.end(), [&](const PlateDetection& d) {
      return same_plate(box(d), box(spares[i]));
    });
    if (!read_already) read.push_back(std::move(spares[i]));
  }
  return read;
}

std::string default_verifier_model() { return model_path("plate_verifier.onnx"); }

}  // namespace anpr::engine
