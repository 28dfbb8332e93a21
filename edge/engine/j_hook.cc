// I or J by the stroke's shape; see j_hook.h.
#include "edge/engine/j_hook.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "edge/engine/component_box.h"
#include "edge/engine/upper_median.h"

namespace anpr::engine {
namespace {

// A character's blob is at least this share of the row's height (rows are
// cut with a quarter of a character height of room above and below, whole
// plates with more) and at most as wide as this share of its own height.
constexpr double kMinCharHeightShare = 0.3;
constexpr double kMaxWidthShare = 0.8;
// The row's other characters (a W is as wide as it is high), at least
// kMinNeighbours of them, give the line the blob must stand on: its top and
// foot each within kLineTolerance of a character height of theirs.
constexpr double kMaxNeighbourWidthShare = 1.2;
constexpr std::size_t kMinNeighbours = 2;
constexpr double kLineTolerance = 0.1;
// The upright stroke: columns inked over this share of the blob's middle.
constexpr double kStemInk = 0.6;
// A foot reaching this far left of the stroke (in blob heights), and at least
// twice as far as it reaches right, is J's hook; one under kNoHookReach is
// none. Between the two the shape does not decide. DIN's J reaches about
// 0.16 of its height left of its stroke, a blurred I's foot up to 0.04 (the
// dev sets read the same with 0.18 and 0.1).
constexpr double kHookReach = 0.12;
constexpr double kNoHookReach = 0.08;

// The likeliest alternative that is one of `letters`, or null.
CharChoice* choice_of(ReadSymbol& symbol, std::string_view letters) {
  auto found = std::find_if(symbol.choices.begin() + 1, symbol.choices.end(),
                            [letters](const CharChoice& c) { return letters.find(c.symbol) != letters.npos; });
  return found == symbol.choices.end() ? nullptr : &*found;
}

}  // namespace

JHook j_hook(const cv::Mat& gray_row, int first_column, int last_column) {
  if (gray_row.empty() || gray_row.type() != CV_8UC1 || first_column < 0 || last_column < first_column) {
    return JHook::unknown;
  }
  cv::Mat ink, labels, stats, centroids;
  cv::threshold(gray_row, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  // The character's blob: a character-sized one under the read's columns,
  // the one whose middle is nearest theirs.
  const double middle = (first_column + last_column) / 2.0;
  int best = 0;
  double best_distance = 0;
  std::vector<cv::Rect> characters;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box = component_box(stats, i);
    if (box.height < kMinCharHeightShare * gray_row.rows || box.width > kMaxNeighbourWidthShare * box.height) continue;
    characters.push_back(box);
    if (box.width > kMaxWidthShare * box.height || box.x > last_column || box.br().x <= first_column) continue;
    const double distance = std::abs(box.x + (box.width - 1) / 2.0 - middle);
    if (best == 0 || distance < best_distance) best = i, best_distance = distance;
  }
  if (best == 0 || characters.size() < kMinNeighbours + 1) return JHook::unknown;
  const cv::Rect box = component_box(stats, best);
  // Only a blob that stands where the row's characters stand is judged: a
  // J whose foot came apart in the threshold is a short bar, and a font's
  // J that descends below the line keeps its hook under it.
  std::vector<int> tops, bottoms;
  for (const cv::Rect& c : characters) {
    if (c == box) continue;
    tops.push_back(c.y);
    bottoms.push_back(c.br().y);
  }
  const int top = upper_median(tops), bottom = upper_median(bottoms);
  const double tolerance = kLineTolerance * (bottom - top);
  if (std::abs(box.y - top) > tolerance || std::abs(box.br().y - bottom) > tolerance) return JHook::unknown;
  const cv::Mat blob = labels(box) == best;
  // The stroke: the columns inked over most of the blob's middle half.
  const cv::Mat middle_rows = blob.rowRange(box.height / 4, box.height - box.height / 4);
  int stem_left = -1, stem_right = -1;
  for (int x = 0; x < box.width; ++x) {
    if (cv::countNonZero(middle_rows.col(x)) >= kStemInk * middle_rows.rows) {
      if (stem_left < 0) stem_left = x;
      stem_right = x;
    }
  }
  if (stem_left < 0) return JHook::unknown;
  // The foot: the lowest fifth of the blob.
  const cv::Mat foot = blob.rowRange(box.height - std::max(box.height / 5, 1), box.height);
  int foot_left = box.width, foot_right = -1;
  for (int x = 0; x < box.width; ++x) {
    if (cv::countNonZero(foot.col(x)) > 0) {
      foot_left = std::min(foot_left, x);
      foot_right = x;
    }
  }
  if (foot_right < 0) return JHook::unknown;
  const double left_reach = (stem_left - foot_left) / static_cast<double>(box.height);
  const double right_reach = (foot_right - stem_right) / static_cast<double>(box.height);
  if (left_reach >= kHookReach && left_reach >= 2 * right_reach) return JHook::hook;
  if (left_reach < kNoHookReach) return JHook::none;
  return JHook::unknown;
}

void settle_i_and_j(LineReading& reading, const cv::Mat& gray_row) {
  for (ReadSymbol& symbol : reading) {
    if (symbol.first_column < 0 || symbol.choices.empty()) continue;
    const char read = symbol.choices.front().symbol;
    CharChoice* other = nullptr;
    if (read == 'I') other = choice_of(symbol, "J");
    if (read == 'J') other = choice_of(symbol, "I1");
    if (!other) continue;
    const JHook hook = j_hook(gray_row, symbol.first_column, symbol.last_column);
    if ((read == 'I' && hook == JHook::hook) || (read == 'J' && hook == JHook::none)) {
      std::swap(symbol.choices.front().probability, other->probability);
      std::swap(symbol.choices.front(), *other);
    }
  }
}

}  // namespace anpr::engine
