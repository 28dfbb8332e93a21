// Plate detection from rows of character blobs; see plate_detector.h.
#include "edge/engine/plate_detector.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/plate_ground.h"
#include "edge/engine/plate_score.h"
#include "edge/engine/upper_median.h"

namespace anpr::engine {
namespace {

constexpr double kCropMaxSlope = 0.7;  // tan 35 degrees

// Gray deviation inside a blob's box: a character's box holds ink and
// ground, a speck of the adaptive threshold in a car's even paint only noise.
double box_contrast(const cv::Mat& gray, const cv::Rect& box) {
  const cv::Rect inside = box & cv::Rect(0, 0, gray.cols, gray.rows);
  if (inside.empty()) return 0.0;
  cv::Scalar mean, deviation;
  cv::meanStdDev(gray(inside), mean, deviation);
  return deviation[0];
}

// `line` without the blobs at its ends that are far fainter than its
// characters. On a plate beside the even paint of a car the row runs on
// into specks of the paint's noise (a 640x480 frame's `AB-1234`: characters
// 31-59 gray levels of deviation, the specks 4-6), so the plate's outline
// doubled in width for one frame and the edge's tracker took it for
// another plate. A faint plate keeps all its characters: the floor is a
// share of the row's own median. Rows keep at least three blobs: a short
// plate's third is often the faint strip, and without it the engine no
// longer believes a row of two (640x360 scenes: `8C` and `MT` lost).
TextLine without_faint_ends(const cv::Mat& gray, const TextLine& line) {
  constexpr double kFaintShare = 0.35;
  constexpr std::size_t kKept = 3;
  if (line.chars.size() <= kKept) return line;
  std::vector<double> contrast;
  for (const cv::Rect& c : line.chars) contrast.push_back(box_contrast(gray, c));
  const double floor = kFaintShare * upper_median(contrast);
  std::size_t first = 0, last = line.chars.size();
  while (first + kKept < last && contrast[first] < floor) ++first;
  while (first + kKept < last && contrast[last - 1] < floor) --last;
  if (first == 0 && last == line.chars.size()) return line;
  return fit_line({line.chars.begin() + first, line.chars.begin() + last});
}

// Position of `p` along and across `line`'s axis, from the line's top-left.
cv::Point2f in_line_frame(const TextLine& line, cv::Point2f p) {
  const cv::Point2f d = p - line.quad.corners[0];
  return {d.dot(line.axis), d.dot(cv::Point2f(-line.axis.y, line.axis.x))};
}

// True when `lower` is the second row of a plate whose first row is `upper`.
// Two-row plates carry 2-5 characters a row; a row with more is a plate of
// its own, and pairing it with a badge or dealer text above or below would
// read those as part of it. A second row of one character (Latvian `HD`
// over `9`) sits under the middle of the first.
bool stacked(const TextLine& upper, const TextLine& lower) {
  constexpr int kMinChars = 2, kMaxChars = 5;
  if (upper.char_count < kMinChars || upper.char_count > kMaxChars || lower.char_count > kMaxChars) return false;
  const float h = std::max(upper.char_height, lower.char_height);
  if (h > 1.5f * std::min(upper.char_height, lower.char_height)) return false;
  const cv::Point2f tl = in_line_frame(upper, lower.quad.corners[0]);
  const cv::Point2f tr = in_line_frame(upper, lower.quad.corners[1]);
  const float gap = tl.y - upper.char_height;
  if (gap < -0.1f * h || gap > 0.8f * h) return false;
  const float width = quad_width(upper.quad), lower_width = tr.x - tl.x;
  const float narrow = std::min(width, lower_width), wide = std::max(width, lower_width);
  // A lone character, or a row far narrower than the other (two characters
  // with an I: a Ukrainian motorcycle's `IK` under `8559`), sits under or
  // over the other's middle.
  if (lower.char_count == 1 || narrow < 0.4f * wide) {
    const bool lower_inside = lower.char_count == 1 || lower_width < width;
    const float middle = lower_inside ? (tl.x + tr.x) / 2 : width / 2;
    const float start = lower_inside ? 0.0f : tl.x, span = lower_inside ? width : lower_width;
    return middle > start + 0.25f * span && middle < start + 0.75f * span;
  }
  const float overlap = std::min(width, tr.x) - std::max(0.0f, tl.x);
  return overlap >= 0.6f * narrow;
}

// The plate around its rows, aligned with the first row: European plates
// leave about a quarter of a character height above and below the text and
// put the EU strip, most of a character height wide, on the left.
Quad outline_of(const std::vector<const TextLine*>& rows) {
  const TextLine& first = *rows.front();
  const cv::Point2f across(-first.axis.y, first.axis.x);
  float u0 = 0, u1 = quad_width(first.quad), v0 = 0, v1 = quad_height(first.quad);
  for (const TextLine* row : rows) {
    for (const cv::Point2f& c : row->quad.corners) {
      const cv::Point2f p = in_line_frame(first, c);
      u0 = std::min(u0, p.x);
      u1 = std::max(u1, p.x);
      v0 = std::min(v0, p.y);
      v1 = std::max(v1, p.y);
    }
  }
  const float h = first.char_height;
  u0 -= 0.7f * h;
  u1 += 0.3f * h;
  v0 -= 0.25f * h;
  v1 += 0.25f * h;
  const cv::Point2f middle = first.quad.corners[0] + first.axis * ((u0 + u1) / 2) + across * ((v0 + v1) / 2);
  return oriented_quad(middle, first.axis, u1 - u0, v1 - v0);
}

int centre_y(const cv::Rect& r) { return r.y + r.height / 2; }

// The blobs whose centres lie in image rows [top, bottom); `blobs` are
// sorted by centre_y (a busy night frame has thousands).
std::span<const cv::Rect> blobs_centred_in(const std::vector<cv::Rect>& blobs, int top, int bottom) {
  const auto above = [](const cv::Rect& r, int y) { return centre_y(r) < y; };
  const auto first = std::lower_bound(blobs.begin(), blobs.end(), top, above);
  return {first, std::lower_bound(first, blobs.end(), bottom, above)};
}

// True when a blob of about the row's character height stands on its line
// within a few character heights past either end, or just above or below
// it: the row is then a group of a longer plate's text (`DD` of `DD 838`)
// or one row of a two-row plate, not all of a short plate. `blobs` are
// sorted by centre_y.
bool more_text_near(const TextLine& row, const std::vector<cv::Rect>& blobs) {
  constexpr float kReach = 2.5f;   // character heights, along the row
  constexpr float kStacked = 1.6f; // character heights, across it
  const float h = row.char_height, length = quad_width(row.quad), height = quad_height(row.quad);
  const cv::Rect box = bounding_box(row.quad, cv::Size(1 << 20, 1 << 20));
  const int top = box.y - static_cast<int>(kReach * h), bottom = box.br().y + static_cast<int>(kReach * h);
  for (const cv::Rect& blob : blobs_centred_in(blobs, top, bottom)) {
    if (blob.height < 0.6f * h || blob.height > 1.5f * h) continue;
    const cv::Point2f at = in_line_frame(row, cv::Point2f(blob.x + blob.width / 2.0f, centre_y(blob)));
    const bool on_line = at.y >= 0 && at.y <= height;
    if (on_line && ((at.x < 0 && at.x > -kReach * h) || (at.x > length && at.x < length + kReach * h))) return true;
    const bool over_row = at.x > -h / 2 && at.x < length + h / 2;
    if (over_row && ((at.y < 0 && at.y > -kStacked * h) || (at.y > height && at.y < height + kStacked * h))) {
      return true;
    }
  }
  return false;
}

// `rows` top first with their grounds (row_ground), computed once a row by
// the caller: a row is scored alone and in every pair and triple it makes.
PlateDetection make_detection(const cv::Mat& gray, const std::vector<const TextLine*>& rows,
                              const std::vector<RowGround>& grounds, const std::vector<cv::Rect>& blobs) {
  PlateDetection d;
  d.outline = outline_of(rows);
  for (const TextLine* row : rows) {
    d.rows.push_back(row->quad);
    d.char_height = std::max(d.char_height, row->char_height);
    d.char_count += row->char_count;
  }
  // Characters under 14 px belong to plates under the 90 px the detector is
  // for; rows of such specks on plain ground are common.
  constexpr float kShortPlateMinCharHeight = 14;
  const TextLine& first = *rows.front();
  d.short_plate = rows.size() == 1 && first.char_count < 5 && first.char_height >= kShortPlateMinCharHeight &&
                  !more_text_near(first, blobs) && plain_ground_beside(gray, first, grounds.front());
  d.score = plate_likeness(rows, grounds, d.short_plate);
  return d;
}

// A plate found by its ground (plate_ground.h): its text row put where a
// one-row plate has it, the middle 0.68 of the light area's height, 6 % in
// from its ends (the blue strip is not light, so it lies outside already).
PlateDetection ground_detection(const Quad& outline) {
  const float length = quad_width(outline), height = quad_height(outline);
  PlateDetection d;
  d.outline = outline;
  d.rows = {grown(outline, -0.06f * length, -0.06f * length, -0.16f * height, -0.16f * height)};
  d.char_height = 0.68f * height;
  d.char_count = std::max(3, static_cast<int>(quad_width(d.rows.front()) / (0.6f * d.char_height)));
  d.from_ground = true;
  return d;
}

// Share of the smaller outline's box that lies inside the other's.
double overlap_share(const PlateDetection& a, const PlateDetection& b, const cv::Size& frame) {
  return smaller_box_inside(bounding_box(a.outline, frame), bounding_box(b.outline, frame));
}

// What "scored nearly as well" means where a longer row of a plate takes
// the place of one kept for it (longer_row_of).
constexpr double kNearlyAsWell = 0.6;

// True when `longer` is `kept`'s plate with characters `kept` lacks: more of
// them, as many rows of about the same height, around it, and scored nearly
// as well. A row cut at a wide gap or at a broken character scores as well
// as the whole (often better: its spacing is the more even), and the CRNN
// reads the cut surely, as a shorter plate, so the whole takes its place.
bool longer_row_of(const PlateDetection& longer, const PlateDetection& kept, const cv::Size& frame) {
  constexpr float kSameHeight = 1.3f;
  if (longer.char_count <= kept.char_count || longer.score < kNearlyAsWell * kept.score) return false;
  if (longer.rows.size() != kept.rows.size()) return false;
  const float height = quad_height(longer.outline), kept_height = quad_height(kept.outline);
  if (std::max(height, kept_height) > kSameHeight * std::min(height, kept_height)) return false;
  const cv::Rect outer = bounding_box(longer.outline, frame), inner = bounding_box(kept.outline, frame);
  return inner.area() > 0 && (outer & inner).area() >= 0.8 * inner.area();
}

// True when `taller` is the two-row `kept` with a third row and scored at
// least kFurtherRowShare as well: any two rows of a three-row plate score as
// a two-row plate of their own, often better than all three (a row of two
// letters fits count_fit worse than four), and read alone they lose that
// row's letters. A third row of one character, a lone blob, scores about
// 0.57 of a clean row (one glyph covers more of its box than a row does,
// ink_fit), hence a share below kNearlyAsWell.
constexpr double kFurtherRowShare = 0.5;
bool further_row_of(const PlateDetection& taller, const PlateDetection& kept) {
  if (kept.rows.size() < 2 || taller.rows.size() != kept.rows.size() + 1) return false;
  if (taller.score < kFurtherRowShare * kept.score) return false;
  return std::all_of(kept.rows.begin(), kept.rows.end(), [&](const Quad& row) {
    return std::any_of(taller.rows.begin(), taller.rows.end(), [&](const Quad& t) { return t.corners == row.corners; });
  });
}

PlateDetection to_frame(PlateDetection d, float factor) {
  d.outline = scaled(d.outline, factor);
  for (Quad& row : d.rows) row = scaled(row, factor);
  d.char_height *= factor;
  return d;
}

cv::Mat downscale(const cv::Mat& gray, int width, float& factor) {
  if (gray.type() != CV_8UC1) throw EngineError("plate detection needs an 8-bit gray image");
  if (gray.cols <= width) {
    factor = 1.0f;
    return gray;
  }
  factor = static_cast<float>(gray.cols) / width;
  cv::Mat small;
  cv::resize(gray, small, cv::Size(width, static_cast<int>(std::lround(gray.rows / factor))), 0, 0, cv::INTER_AREA);
  return small;
}

}  // namespace

std::vector<PlateDetection> detect_plates(const cv::Mat& gray, const DetectorOptions& options) {
  float factor = 1.0f;
  const cv::Mat work = downscale(gray, options.work_width, factor);
  std::vector<cv::Rect> blobs = char_blobs(work, options.blobs);
  std::vector<TextLine> lines = group_lines(blobs, options.lines);
  // Large characters have strokes as wide as the threshold window, which
  // hollows them out; at half size they are ordinary. A quarter of the
  // pixels, so about a fifth more time.
  cv::Mat half;
  cv::resize(work, half, cv::Size(work.cols / 2, work.rows / 2), 0, 0, cv::INTER_AREA);
  BlobOptions half_blob_options = options.blobs;
  half_blob_options.free_framed = false;
  std::vector<cv::Rect> half_blobs = char_blobs(half, half_blob_options);
  for (const TextLine& line : group_lines(half_blobs, options.lines)) lines.push_back(scaled(line, 2.0f));
  for (TextLine& line : joined_lines(lines, options.lines)) lines.push_back(std::move(line));
  for (TextLine& line : lines) line = without_faint_ends(work, line);
  for (const cv::Rect& blob : half_blobs) blobs.emplace_back(blob.x * 2, blob.y * 2, blob.width * 2, blob.height * 2);
  std::sort(blobs.begin(), blobs.end(), [&](const cv::Rect& a, const cv::Rect& b) { return centre_y(a) < centre_y(b); });

  // Every row is a candidate alone and in every pair it makes; the scores
  // choose. A row taken into its first pair for good was lost when that
  // pair was junk: `PC-354` (score 0.98 alone) under three blobs of a car's
  // grille, the pair then scored far below the plate's other rows.
  std::vector<RowGround> grounds;
  for (const TextLine& line : lines) grounds.push_back(row_ground(work, line));
  std::vector<PlateDetection> found;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t j = 0; j < lines.size(); ++j) {
      if (i == j || !stacked(lines[i], lines[j])) continue;
      pairs.emplace_back(i, j);
      found.push_back(make_detection(work, {&lines[i], &lines[j]}, {grounds[i], grounds[j]}, blobs));
    }
  }
  // A motorcycle's or tractor's plate may stack three rows (a Ukrainian
  // `BE` over `0886` over `AA`): a pair whose lower row heads another pair.
  for (const auto& [top, middle] : pairs) {
    for (const auto& [upper, bottom] : pairs) {
      if (upper != middle) continue;
      found.push_back(make_detection(work, {&lines[top], &lines[middle], &lines[bottom]},
                                     {grounds[top], grounds[middle], grounds[bottom]}, blobs));
    }
  }
  // A second row of one character is a lone blob, in no row: the blobs
  // under each row are tried (sorted by height in the frame, as a busy
  // night frame has thousands).
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const cv::Rect row = bounding_box(lines[i].quad, work.size());
    const cv::Rect below(row.x, row.y + row.height / 2, row.width, 2 * row.height);
    for (const cv::Rect& blob : blobs_centred_in(blobs, below.y, below.br().y)) {
      if (!below.contains(cv::Point(blob.x + blob.width / 2, centre_y(blob)))) continue;
      const TextLine lone = fit_line({blob});
      if (!stacked(lines[i], lone)) continue;
      const RowGround lone_ground = row_ground(work, lone);
      found.push_back(make_detection(work, {&lines[i], &lone}, {grounds[i], lone_ground}, blobs));
      // And under a pair, the third row of a plate of three (a Croatian
      // motorcycle's `VT` over `1301` over `H`).
      for (const auto& [top, middle] : pairs) {
        if (middle != i) continue;
        found.push_back(
            make_detection(work, {&lines[top], &lines[i], &lone}, {grounds[top], grounds[i], lone_ground}, blobs));
      }
      break;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].char_count < options.min_single_row_chars) continue;
    found.push_back(make_detection(work, {&lines[i]}, {grounds[i]}, blobs));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const PlateDetection& a, const PlateDetection& b) { return a.score > b.score; });

  // A candidate inside a kept one is the same plate, unless its characters
  // are far smaller and it scores nearly as well: a night frame's row of
  // tail-light bloom (characters 72 px high) held the plate between the
  // lights (14 px, `SB 90 TZI` in ro-robertlucian) out of the candidates.
  // Every smaller row inside a larger one kept cost a fifth more time on
  // 1280x720 frames; the score bound keeps the rows that look like plates.
  constexpr float kSameCharHeight = 2.0f;
  constexpr double kInnerScoreShare = 0.75;
  const auto one_plate = [&](const PlateDetection& k, const PlateDetection& d) {
    if (overlap_share(k, d, work.size()) <= 0.5) return false;
    const float larger = std::max(k.char_height, d.char_height), smaller = std::min(k.char_height, d.char_height);
    return larger < kSameCharHeight * smaller || d.score < kInnerScoreShare * k.score;
  };
  std::vector<PlateDetection> kept, spare;
  for (const PlateDetection& d : found) {
    const bool under_cut = d.score < options.min_relative_score * found.front().score;
    if (under_cut && static_cast<int>(spare.size()) >= options.max_spare) break;
    const auto same = std::find_if(kept.begin(), kept.end(), [&](const PlateDetection& k) { return one_plate(k, d); });
    if (same != kept.end()) {
      if (!under_cut && (longer_row_of(d, *same, work.size()) || further_row_of(d, *same))) *same = d;
    } else if (!under_cut && static_cast<int>(kept.size()) < options.max_plates) {
      kept.push_back(d);
    } else if (static_cast<int>(spare.size()) < options.max_spare &&
               std::none_of(spare.begin(), spare.end(), [&](const PlateDetection& k) { return one_plate(k, d); })) {
      spare.push_back(d);
      spare.back().spare = true;
    }
  }
  // A light plate is already a candidate when one is half of it and it half
  // of the candidate (larger candidates around it are other things); such a
  // plate is kept behind the others, flagged, for the engine to read only
  // when its candidate's read came out short (a group of the text, `34` of
  // `JT-34`). A candidate inside it may be part of its text only, and both
  // are read (the engine keeps the surer of reads that overlap).
  constexpr double kShared = 0.5;
  std::vector<PlateDetection> behind;
  int from_ground = 0;
  for (const Quad& ground : light_plates(work)) {
    if (from_ground == options.max_ground_plates) break;
    const cv::Rect box = bounding_box(ground, work.size());
    PlateDetection d = ground_detection(ground);
    d.behind_candidate = std::any_of(kept.begin(), kept.end(), [&](const PlateDetection& k) {
      const cv::Rect other = bounding_box(k.outline, work.size());
      const int shared = (other & box).area();
      return shared >= kShared * box.area() && shared >= kShared * other.area();
    });
    (d.behind_candidate ? behind : kept).push_back(std::move(d));
    ++from_ground;
  }
  for (PlateDetection& d : behind) kept.push_back(std::move(d));
  for (PlateDetection& d : spare) kept.push_back(std::move(d));
  for (PlateDetection& d : kept) d = to_frame(std::move(d), factor);
  return kept;
}

PlateDetection locate_in_crop(const cv::Mat& gray, const DetectorOptions& options) {
  if (gray.type() != CV_8UC1 || gray.empty()) throw EngineError("a plate crop must be a non-empty 8-bit gray image");
  // A crop is searched at 64 px high whatever size it came in. Its
  // characters are a third to two thirds of that: another detector's box
  // may leave half a plate height of margin on each side, and a
  // foreshortened plate is lower still. Taking characters from a sixth of the
  // height up (a quarter until stop 11) finds the row in crops where none
  // was found: generated LV/LT crops 87.7 -> 91.0 % read.
  constexpr int kWorkHeight = 64;
  const float factor = static_cast<float>(gray.rows) / kWorkHeight;
  cv::Mat work;
  cv::resize(gray, work, cv::Size(std::max(1, static_cast<int>(std::lround(gray.cols / factor))), kWorkHeight), 0, 0,
             cv::INTER_LINEAR);
  BlobOptions blobs = options.blobs;
  blobs.min_height = kWorkHeight / 6;
  blobs.max_height = kWorkHeight - 4;
  LineOptions lines = options.lines;
  lines.max_gap = static_cast<double>(work.cols) / blobs.min_height;
  // A crop holds one plate however it was rolled: two thirds of the crops
  // of the Spanish set without a row found had a row steeper than a frame
  // search allows.
  lines.max_slope = std::max(lines.max_slope, kCropMaxSlope);
  lines.max_row_slope = std::max(lines.max_row_slope, kCropMaxSlope);
  const std::vector<TextLine> found = group_lines(char_blobs(work, blobs), lines);
  const auto best = std::max_element(found.begin(), found.end(), [](const TextLine& a, const TextLine& b) {
    return a.char_count * a.char_height < b.char_count * b.char_height;
  });
  PlateDetection d;
  if (best == found.end()) {
    const Quad whole{{cv::Point2f(0, 0), cv::Point2f(static_cast<float>(work.cols), 0),
                      cv::Point2f(static_cast<float>(work.cols), kWorkHeight), cv::Point2f(0, kWorkHeight)}};
    d.outline = whole;
    d.rows = {whole};
    d.char_height = kWorkHeight;
    d.score = 0.1;
    d.rows_found = false;
  } else {
    d = make_detection(work, {&*best}, {row_ground(work, *best)}, {});  // no gap limit: no text is left beside its row
  }
  return to_frame(std::move(d), factor);
}

}  // namespace anpr::engine
