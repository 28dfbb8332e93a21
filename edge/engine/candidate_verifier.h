// Whether a detection candidate is a whole plate, judged by its picture. The
// detector (plate_detector.h) scores rows of character-like blobs by their
// geometry and ink; in a busy frame (a brick wall, a shop sign, gravel, a
// country sticker beside the plate) tens of rows score about as well as the
// plate, and only the first few are read: of the 369 Romanian frames, 12
// plates were among the candidates but ranked past those read. A small
// learned classifier (models/plate_verifier.onnx,
// tools/train/train_verifier.py) looks at the candidates the detector would
// not read (its spares) as pictures, and those it takes for plates are read
// too (promote_spares).
//
// The preprocessing here must stay identical to tools/train/window_augment.py:
// candidate_window's BGR patch, normalised by its own mean and deviation over
// all channels, as one 3 x kVerifierHeight x kVerifierWidth plane of a blob.
//
// Not thread-safe (a cv::dnn::Net keeps per-inference buffers): one per
// worker, like CrnnReader.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include "edge/engine/plate_detector.h"
#include "edge/engine/quad.h"

namespace anpr::engine {

inline constexpr int kVerifierWidth = 96;
inline constexpr int kVerifierHeight = 32;

// The candidate with room around it (a fifth of its height above and below,
// a tenth of its width at each end: a plate's border and its ground are
// what tells it from text printed on a car), upright, kVerifierWidth x
// kVerifierHeight, BGR. Throws EngineError for an image that is not 8-bit BGR.
cv::Mat candidate_window(const cv::Mat& bgr, const Quad& outline);

// The net's input for candidate_window patches: N x 3 x kVerifierHeight x
// kVerifierWidth, CV_32F.
cv::Mat verifier_input(std::span<const cv::Mat> windows);

class CandidateVerifier {
 public:
  // Throws EngineError when the model cannot be loaded or gives an output of
  // the wrong shape.
  explicit CandidateVerifier(const std::string& onnx_path);

  // For each candidate outline, the probability that it is a whole plate.
  std::vector<double> plate_probabilities(const cv::Mat& bgr, std::span<const Quad> outlines);

 private:
  std::vector<double> run(std::span<const cv::Mat> windows);

  std::string path_;
  cv::dnn::Net net_;
};

// A spare candidate the verifier takes for a plate at least this surely is
// read, unless it is a plate read already (plate_reads.h, same_plate): a
// cut of a plate's text and the row above it, promoted beside the whole,
// was read `SB9` for `SB90TZI`.
inline constexpr double kVerifierPromotes = 0.5;

// At most this many spares promoted a frame: each costs a read (1-3 ms).
inline constexpr std::size_t kMaxPromoted = 2;

// `candidates` as detect_plates returns them with spares
// (DetectorOptions::max_spare): the others in their order, read as without a
// verifier, then the spares it promotes, surest first; `spare_probability`
// holds the verifier's probability for each spare, in their order. The
// verifier only adds reads: its doubts are not trusted to cut (on a Romanian
// night frame it gave a second, half-lit plate 0.11), and judging only the
// spares keeps its cost to a few windows a frame.
std::vector<PlateDetection> promote_spares(std::vector<PlateDetection> candidates,
                                           std::span<const double> spare_probability);

// models/plate_verifier.onnx, found by model_files.h's rule.
std::string default_verifier_model();

}  // namespace anpr::engine
