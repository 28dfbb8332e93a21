// Where the plates are in a frame: rows of character blobs (char_blobs.h,
// text_lines.h) on the gray frame (downscaled past 1280 px) and on a
// half-size copy, paired into two-row plates when one sits right under
// another (three-row plates when a third sits under those), scored by how
// plate-like they look (plate_score.h) and returned
// as quads in frame coordinates, best first; then up to two plates found by
// their light ground where no row was (plate_ground.h). Classical on purpose:
// it needs no model file, runs in a few milliseconds on one core of a camera
// box, and every decision can be inspected.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/char_blobs.h"
#include "edge/engine/quad.h"
#include "edge/engine/text_lines.h"

namespace anpr::engine {

struct DetectorOptions {
  // Frames wider than this are downscaled first. 720p frames are searched
  // whole: at 1024 the characters of 90-110 px plates run together and a
  // tenth of them are lost.
  int work_width = 1280;
  BlobOptions blobs;
  LineOptions lines;
  int min_single_row_chars = 2;  // Latvian plates may be as short as "4D" (engine.cc: strip or plain ground)
  // Each is read as a few cuts (1-3 ms with the CRNN). 6, not 4, since two-
  // character reads report less (engine.h, short_read_trust): of the 369
  // Romanian night frames 96.5 % are found instead of 95.1 %, and 1 of 300
  // plate-free frames has a read >= 0.5 (3 when short reads counted in full).
  int max_plates = 6;
  // Candidates scored below this share of the best are not worth a read: on
  // the night dash-cam set they cost a third of the time and found nothing.
  // Since the score counts how far a row's characters stand apart
  // (plate_score.h) it spreads wider: a quarter keeps 2.7 reads a frame there
  // (a half kept 2.9 before) and all but 1 in 300 of the plates among the
  // first four.
  double min_relative_score = 0.25;
  // Plates found by their light ground where no row was (plate_ground.h),
  // read after the rows' candidates.
  int max_ground_plates = 2;
  // Candidates beyond the limits above (over max_plates, or scored under
  // min_relative_score of the best) returned as well, after the others and
  // flagged `spare`, at most this many: not worth a read by their score, but
  // a verifier may see a plate among them (candidate_verifier.h). They never
  // take a kept candidate's place, so the others are as without them.
  int max_spare = 0;
};

struct PlateDetection {
  Quad outline;             // the plate with a margin around its text
  std::vector<Quad> rows;   // each text row, tight, top row first
  float char_height = 0;    // frame px
  int char_count = 0;       // characters_in summed over the rows
  double score = 0;         // in (0, 1], higher is more plate-like
  // One row of under five characters, alone on plain ground (plate_score.h):
  // all of a short plate's text, not a group of a longer one's.
  bool short_plate = false;
  bool from_ground = false;  // found by its light ground; `rows` estimated from the outline
  bool behind_candidate = false;  // from_ground, and a candidate before it is about the same plate
  bool rows_found = true;   // false: locate_in_crop found no row and `rows` is the whole crop
  bool spare = false;       // beyond the detector's limits (DetectorOptions::max_spare)
};

// Plates in `gray` (CV_8UC1), best first, overlapping detections removed;
// those found by their light ground after the others, and the spare ones
// (DetectorOptions::max_spare) last.
std::vector<PlateDetection> detect_plates(const cv::Mat& gray, const DetectorOptions& options);

// The text of an image known to be one plate (a crop from another
// detector): its longest row of blobs, searched without the gap limit
// because a crop holds nothing else, or the whole image when no row is found
// (rows_found false).
PlateDetection locate_in_crop(const cv::Mat& gray, const DetectorOptions& options);

}  // namespace anpr::engine
