// The engine facade; see engine.h.
#include "edge/engine/engine.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "common/plate/plate_error.h"
#include "common/plate/plate_rank.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/j_hook.h"
#include "edge/engine/plate_hyphen.h"
#include "edge/engine/plate_parts.h"
#include "edge/engine/plate_reads.h"
#include "edge/engine/text_candidates.h"

namespace anpr::engine {
namespace {

cv::Mat to_bgr(const cv::Mat& image) {
  if (image.empty()) throw EngineError("the engine was given an empty image");
  if (image.depth() != CV_8U) throw EngineError("the engine needs an 8-bit image");
  cv::Mat bgr;
  switch (image.channels()) {
    case 1: cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR); return bgr;
    case 3: return image;
    case 4: cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR); return bgr;
    default: throw EngineError("the engine cannot read an image of " + std::to_string(image.channels()) + " channels");
  }
}

EngineOptions checked(EngineOptions options) {
  try {
    plate::identify("", options.country_hints);
  } catch (const plate::PlateError& e) {
    throw EngineError(std::string("engine country hints: ") + e.what());
  }
  if (options.spare_candidates < 0) {
    throw EngineError("engine spare_candidates " + std::to_string(options.spare_candidates) + " is negative");
  }
  return options;
}

}  // namespace

Engine::Engine(EngineOptions options)
    : options_(checked(std::move(options))),
      reader_(options_.reader_kind, options_.reader, options_.crnn_models, options_.crnn) {
  if (!options_.band_model.empty()) band_.emplace(options_.band_model);
  if (!options_.verifier_model.empty()) verifier_.emplace(options_.verifier_model);
}

std::vector<PlateDetection> Engine::candidates(const cv::Mat& bgr, const cv::Mat& gray) {
  if (!verifier_) return detect_plates(gray, options_.detector);
  DetectorOptions with_spares = options_.detector;
  with_spares.max_spare = options_.spare_candidates;
  std::vector<PlateDetection> found = detect_plates(gray, with_spares);
  const std::vector<double> probability = verifier_->plate_probabilities(bgr, verified_outlines(found));
  return verified_candidates(std::move(found), probability);
}

PlateEvidence Engine::evidence_of(const cv::Mat& bgr, const PlateDetection& detection, bool eu_blue,
                                  const cv::Mat& one_row_plate) {
  PlateEvidence evidence{eu_blue, "", false};
  if (band_ && detection.rows_found && !detection.rows.empty()) {
    // A short plate's text is set in its middle, the strip up to three
    // character heights further left than the window beside a full row
    // reaches: windows moved that way are classified too and the surest
    // kept. Generated Lithuanian 640x360 scenes' country 94.3 -> 96.6 %.
    const Quad& row = detection.rows.back();
    const std::vector<float> shifts = detection.short_plate ? std::vector<float>{0, 1.5f, 3} : std::vector<float>{0};
    BandReading band;
    for (float shift : shifts) {
      BandReading shifted = band_->classify(bgr, grown(row, shift * quad_height(row), 0, 0, 0));
      if (shifted.probability > band.probability) band = std::move(shifted);
    }
    const bool home = band.country == "LV" || band.country == "LT";
    if (band.probability >= (home ? options_.band_home_trust : options_.band_trust)) {
      evidence.strip_country = band.country;
      evidence.strip_sure = band.probability >= options_.band_trust;
    }
  }
  if (!one_row_plate.empty()) {
    evidence.hyphen = has_hyphen(one_row_plate);
    evidence.hyphen_searched = true;
  }
  return evidence;
}

Identification Engine::identify_parts(const std::vector<cv::Mat>& parts, const PlateEvidence& evidence) {
  LineReading positions;
  for (const cv::Mat& part : parts) {
    LineReading part_positions = reader_.read(part);
    // Each part's columns are its own, so its I and J are settled before the parts are joined.
    settle_i_and_j(part_positions, part);
    positions.insert(positions.end(), part_positions.begin(), part_positions.end());
  }
  // More texts than reported: the identifier may reorder them by format fit.
  const std::vector<TextCandidate> texts = best_texts(positions, std::max<std::size_t>(options_.top_n * 4, 16));
  return identify_plate(texts, options_.country_hints, evidence, options_.top_n);
}

Identification Engine::identify_detection(const cv::Mat& bgr, const PlateDetection& detection, const Quad* crop,
                                          bool& eu_band) {
  const RectifiedPlate rectified = rectify(bgr, detection, options_.rectifier);
  eu_band = rectified.eu_band;
  // A crop's row count is unknown (its aspect decides); a frame's detector saw it.
  const int rows_seen = crop ? 0 : static_cast<int>(detection.rows.size());
  const bool stacked = rows_seen >= 2;
  std::optional<Quad> outline;
  if (crop) outline = *crop;
  else if (stacked) outline = plate_from_rows(detection.rows);
  else if (!detection.rows.empty()) outline = plate_from_row(detection.rows.front());
  // A one-row plate's outline is warped once: searched for a hyphen here,
  // read whole below.
  cv::Mat one_row_plate;
  if (outline && !stacked) one_row_plate = warp_part(bgr, *outline, options_.rectifier.row_height);
  const PlateEvidence evidence = evidence_of(bgr, detection, rectified.eu_band, one_row_plate);
  // A strip's blue, or a code the strip classifier names, rules out an old
  // Hungarian plate's flag at the text's left end (better_cut).
  const bool strip_seen = evidence.eu || !evidence.strip_country.empty();
  // Pairs of dark blobs are everywhere in a frame: a row of two characters
  // (a Latvian `4D`, `J-1`) is taken for a plate only beside a strip whose
  // code the classifier names, or alone on plain plate ground
  // (PlateDetection::short_plate). Generated 640x360 scenes 91.0 -> 92.0 %; of
  // 300 plate-free frames 1 has a read >= 0.5, as before (3 without this).
  if (!crop && detection.rows.size() == 1 && detection.char_count < 3 && evidence.strip_country.empty() &&
      !detection.short_plate) {
    return {};
  }
  Identification id = identify_parts(rectified.rows, evidence);
  if (options_.whole_plate && outline) {
    std::vector<std::vector<Quad>> layouts = plate_layouts(*outline, rows_seen);
    if (!crop && !stacked) layouts.push_back({plate_from_row(detection.rows.front(), kRowToPlateBeyondRowEnd)});
    if (stacked) layouts.push_back(plate_bands(plate_from_rows(detection.rows, kRowsToPlateBeyondRowEnds), rows_seen));
    const auto read_layout = [&](const std::vector<Quad>& layout, double shear = 0) {
      std::vector<cv::Mat> parts;
      for (const Quad& part : layout) {
        const bool warped = shear == 0 && !one_row_plate.empty() && part.corners == outline->corners;
        parts.push_back(warped ? one_row_plate : warp_part(bgr, part, options_.rectifier.row_height, shear));
      }
      return identify_parts(parts, evidence);
    };
    // As outlined, and unslanted too where a row slants steeply (kUnslantedCutsFrom).
    std::vector<double> shears{0};
    if (std::abs(rectified.shear) >= kUnslantedCutsFrom) shears.push_back(rectified.shear);
    for (double shear : shears) {
      for (const std::vector<Quad>& layout : layouts) {
        Identification whole = read_layout(layout, shear);
        if (better_cut(whole, id, strip_seen)) id = std::move(whole);
      }
    }
    // The cut for characters lost at the row's ends is there for them
    // alone: heard only where it reads more characters than the reading
    // chosen from the other cuts, so it never swaps a character they read,
    // and not read where they read nothing (kRowToPlateForLostEnds). Where
    // it reads more, it is widened at the start and read again while the
    // reading grows there and nowhere else (kLostEndsWidenings). Crops too:
    // the row found inside a crop loses a first letter run into the strip
    // as a frame's row does, and the crop's whole cut did not bring it back
    // (generated Croatian crops 95.6 -> 96.7 %; docs/recognition.md, stop 25).
    if (!stacked && !id.text.empty()) {
      RowToPlate room = kRowToPlateForLostEnds;
      for (int widened = 0; widened <= kLostEndsWidenings; ++widened, room.left += kLostEndsWidening) {
        Identification wider = read_layout({plate_from_row(detection.rows.front(), room)});
        const bool grows = wider.text.size() > id.text.size() &&
                           (widened == 0 || reads_more_at_ends(wider.text, id.text, strip_seen));
        if (!grows || !better_cut(wider, id, strip_seen)) break;
        id = std::move(wider);
      }
    }
  }
  return with_o_zero_resolved(std::move(id), options_.country_hints, evidence, options_.top_n);
}

PlateRead Engine::plate_read(Identification id, const PlateDetection& detection, bool eu_band,
                             const cv::Size& frame) const {
  PlateRead read;
  if (id.text.size() < options_.min_length || id.confidence < options_.min_confidence) return read;
  read.text = std::move(id.text);
  read.display = std::move(id.display);
  read.country = std::move(id.country);
  read.validity = id.validity;
  const auto reported = [this](const std::string& text, double confidence) {
    return text.size() < 3 ? confidence * options_.short_read_trust : confidence;
  };
  read.confidence = reported(read.text, id.confidence);
  read.candidates = std::move(id.candidates);
  for (ReadCandidate& candidate : read.candidates) {
    candidate.confidence = reported(candidate.text, candidate.confidence);
  }
  read.corners = detection.outline.corners;
  read.box = bounding_box(detection.outline, frame);
  read.eu_band = eu_band;
  return read;
}

std::vector<PlateRead> Engine::read(const cv::Mat& image) {
  const cv::Mat bgr = to_bgr(image);
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  std::vector<PlateRead> reads;
  for (const PlateDetection& detection : candidates(bgr, gray)) {
    // A light plate behind a candidate of about its size is read only where
    // that candidate's read is short: a group of its text read alone. Three
    // characters count as short since stop 21 (a Latvian `EH-4` read `EW4`
    // by its row is read right whole: 1280x720 +0.5, no set lost, no cost
    // seen); one_read_a_plate keeps the better of the two.
    constexpr std::size_t kShortRead = 4;
    if (detection.behind_candidate) {
      const cv::Rect box = bounding_box(detection.outline, bgr.size());
      const bool read_whole = std::any_of(reads.begin(), reads.end(), [&](const PlateRead& r) {
        return r.text.size() >= kShortRead && same_plate(r.box, box);
      });
      if (read_whole) continue;
    }
    bool eu_band = false;
    Identification id = identify_detection(bgr, detection, nullptr, eu_band);
    PlateRead read = plate_read(std::move(id), detection, eu_band, bgr.size());
    if (!read.text.empty()) reads.push_back(std::move(read));
  }
  return one_read_a_plate(std::move(reads));
}

std::vector<PlateRead> Engine::read_crop(const cv::Mat& image) {
  const cv::Mat bgr = to_bgr(image);
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  const float w = static_cast<float>(bgr.cols), h = static_cast<float>(bgr.rows);
  const Quad crop{{cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h), cv::Point2f(0, h)}};
  const PlateDetection located = locate_in_crop(gray, options_.detector);
  bool eu_band = false;
  Identification id = identify_detection(bgr, located, &crop, eu_band);
  const PlateDetection* used = &located;
  // The crop's own row search takes the longest row of large blobs, which
  // in a crop with a wide margin may be the plate's border or the car around
  // it; the frame detector ranks rows by how plate-like they are. Generated
  // LV/LT crops 91.3 -> 95.8 %.
  const std::vector<PlateDetection> detected = detect_plates(gray, options_.detector);
  if (!detected.empty()) {
    bool detected_eu_band = false;
    Identification other = identify_detection(bgr, detected.front(), nullptr, detected_eu_band);
    if (better_cut(other, id)) {
      id = std::move(other);
      eu_band = detected_eu_band;
      used = &detected.front();
    }
  }
  PlateRead read = plate_read(std::move(id), *used, eu_band, bgr.size());
  if (read.text.empty()) return {};
  return {std::move(read)};
}

}  // namespace anpr::engine
