// The recognition engine: every plate in a frame, read. It chains the stages
// detect (plate_detector.h) -> rectify (rectifier.h) -> read (row_reader.h:
// Tesseract or the CRNN model) -> identify (plate_identifier.h); each stage
// is its own file pair so it can be replaced and tested alone. Besides the
// rectified text rows, the reader is given the whole plate (plate_parts.h;
// a second time with the slant undone where a row slants steeply), and the
// reading identified more confidently wins; the strip classifier
// (band_classifier.h) reads the country code beside the text. An Engine owns
// its reader (a Tesseract instance or an OpenCV DNN net) and is not
// thread-safe: make one per worker thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/band_classifier.h"
#include "edge/engine/candidate_verifier.h"
#include "edge/engine/plate_detector.h"
#include "edge/engine/plate_identifier.h"
#include "edge/engine/plate_read.h"
#include "edge/engine/rectifier.h"
#include "edge/engine/row_reader.h"
#include "edge/engine/tesseract_reader.h"

namespace anpr::engine {

struct EngineOptions {
  DetectorOptions detector;
  RectifierOptions rectifier;
  ReaderKind reader_kind = ReaderKind::crnn;
  ReaderOptions reader;                     // when reader_kind is tesseract
  std::vector<std::string> crnn_models = default_crnn_models();
  CrnnOptions crnn;                         // when reader_kind is crnn
  // Also read the whole plate (a crop as it is, in a frame the plate its text
  // row implies; halves where it may hold two rows), as the CRNN was trained.
  bool whole_plate = true;
  // The strip classifier (band_classifier.h); empty: none, the country comes
  // from the text alone. Its code is believed from band_trust on, and a
  // code of the border's two countries from band_home_trust on: between LV
  // and LT (whose personalised plates fit each other's formats) the
  // classifier's lean is right more often than the text's tie-break
  // (generated LV/LT plates, country: LT +1.3 to +3.4 points, LV +0 to +1.9,
  // at 0.5 in stop 11; 0.35 since stop 12: crops, 640x360 and 720p scenes
  // +0.6, +1.0 and +2.0 points; 0.25 gave the crops more, the scenes less).
  std::string band_model = default_band_model();
  double band_trust = 0.9;
  double band_home_trust = 0.35;
  // The candidate verifier (candidate_verifier.h); empty: none. It judges
  // the detector's candidates and up to spare_candidates beyond its limits
  // (DetectorOptions::max_spare): of the first those it all but rules out
  // are not read, of the others those it is sure of are read too.
  std::string verifier_model = default_verifier_model();
  int spare_candidates = 8;
  std::size_t top_n = 5;                    // candidates kept per plate
  std::vector<std::string> country_hints;   // catalogued ISO codes, e.g. {"LV", "LT"}
  // Reads below these are text on signs and cars, or noise, not plates.
  double min_confidence = 0.3;
  std::size_t min_length = 2;
  // What a read of two characters reports: its confidence times this. Trees,
  // road texture and grilles give two confident "characters" more often than
  // any longer text; on generated scenes and plate-free frames, reads of two
  // characters at >= 0.5 were right 8 times in 17, of three or more 363 in
  // 385 (docs/recognition.md, stop 13). Reported, not filtered: the floor
  // above applies to the reading's own confidence.
  double short_read_trust = 0.6;
};

class Engine {
 public:
  // Loads the reader; throws EngineError for unusable options (unknown
  // country hint, missing language data, missing or broken model file).
  explicit Engine(EngineOptions options);

  // Every plate found in `image` (BGR, BGRA or gray, 8-bit), most confident
  // first.
  std::vector<PlateRead> read(const cv::Mat& image);

  // `image` is one plate already cut out by someone else: read it whole, by
  // the text row a search of the crop finds, and as the frame detector's
  // best plate in it; the most believable reading. At most one result.
  std::vector<PlateRead> read_crop(const cv::Mat& image);

  const EngineOptions& options() const { return options_; }

 private:
  // The frame's candidates in the order they are read: the detector's, and
  // with a verifier those it does not doubt and the spares it promotes after
  // them (verified_candidates).
  std::vector<PlateDetection> candidates(const cv::Mat& bgr, const cv::Mat& gray);

  // Rectifies, reads and identifies one detection: its rows and, with
  // whole_plate, `crop` (when given) or else the plate its rows imply; the most
  // believable cut's identification (none for a frame's row of two
  // characters without a strip code). Sets `eu_band` when the rectifier saw
  // strip blue.
  Identification identify_detection(const cv::Mat& bgr, const PlateDetection& detection, const Quad* crop,
                                    bool& eu_band);

  // `id` as the read of `detection` in a frame of size `frame`; a read with
  // empty text when it does not pass the confidence and length floors.
  PlateRead plate_read(Identification id, const PlateDetection& detection, bool eu_band, const cv::Size& frame) const;

  // The parts of one reading of a plate (rows, or whole plate / halves),
  // read top first and identified as one text.
  Identification identify_parts(const std::vector<cv::Mat>& parts, const PlateEvidence& evidence);

  // What `detection` shows beside its text: the rectifier's blue, the
  // classifier's code beside its lowest row when it found one, and whether
  // `one_row_plate` (a one-row plate's outline as warp_part gives it; empty
  // for a two-row plate) has a hyphen.
  PlateEvidence evidence_of(const cv::Mat& bgr, const PlateDetection& detection, bool eu_blue,
                            const cv::Mat& one_row_plate);

  EngineOptions options_;
  RowReader reader_;
  std::optional<BandClassifier> band_;
  std::optional<CandidateVerifier> verifier_;
};

}  // namespace anpr::engine
