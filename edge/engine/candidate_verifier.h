// Whether a detection candidate is a whole plate, judged by its picture. The
// detector (plate_detector.h) scores rows of character-like blobs by their
// geometry and ink; in a busy frame (a brick wall, a shop sign, gravel, a
// country sticker beside the plate) tens of rows score about as well as the
// plate, and only the first few are read: of the 369 Romanian frames, 12
// plates were among the candidates but ranked past those read. A small
// learned classifier (models/plate_verifier.onnx,
// tools/train/train_verifier.py) looks at the candidates the detector would
// not read (its spares) as pictures, and those it takes for plates are read
// too; the candidates it is all but sure are no plate are not read
// (verified_candidates).
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

// A candidate the detector keeps is read only where the verifier gives it
// at least this. Far under its doubts about real plates (a second, half-lit
// Romanian plate got 0.11, which is why its doubts may not reorder the
// candidates): of the kept candidates that are plates (anpr-verifier-windows'
// labels) none scored under it, 190 in generated 640x360 scenes, 196 in
// 1280x720 ones, 352 in the Romanian frames, and 91-95 % of the others did,
// each costing one to three reads. Candidates found by their light ground
// are read as before: the verifier never saw them (docs/recognition.md,
// stop 32).
inline constexpr double kVerifierReads = 0.02;

// The outlines of `candidates` (as detect_plates returns them with spares,
// DetectorOptions::max_spare) that verified_candidates needs a probability
// for, in order: all but those found by their light ground.
std::vector<Quad> verified_outlines(std::span<const PlateDetection> candidates);

// `candidates` as detect_plates returns them with spares: the kept ones the
// verifier gives at least kVerifierReads and those found by their ground, in
// their order, then the spares it promotes (kVerifierPromotes), surest
// first; `probability` holds the verifier's probability for each of
// verified_outlines(candidates). Throws EngineError for another count.
std::vector<PlateDetection> verified_candidates(std::vector<PlateDetection> candidates,
                                                std::span<const double> probability);

// models/plate_verifier.onnx, found by model_files.h's rule.
std::string default_verifier_model();

}  // namespace anpr::engine
