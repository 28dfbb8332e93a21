// Rows of character blobs; see text_lines.h.
#include "edge/engine/text_lines.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "edge/engine/upper_median.h"

namespace anpr::engine {
namespace {

cv::Point2f centre(const cv::Rect& r) { return {r.x + r.width / 2.0f, r.y + r.height / 2.0f}; }

bool left_to_right(const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; }

// Rows steeper than max_row_slope are not plates (nor rolled plates).
bool level_enough(const TextLine& line, const LineOptions& options) {
  return std::abs(line.axis.y / line.axis.x) <= options.max_row_slope;
}

// How far (in median character heights) an end blob's centre may sit from
// the line through the rest of its row.
constexpr double kOffLineShare = 0.3;

// The cost of joining `left` to `right` in one row, or infinity when they
// cannot be neighbours on a plate.
double join_cost(const cv::Rect& left, const cv::Rect& right, const LineOptions& options) {
  const double h_small = std::min(left.height, right.height);
  const double h_large = std::max(left.height, right.height);
  if (h_large > h_small * options.max_height_ratio) return std::numeric_limits<double>::infinity();
  const double gap = right.x - (left.x + left.width);
  if (gap < -0.2 * h_small || gap > options.max_gap * h_large) return std::numeric_limits<double>::infinity();
  const double dy = std::abs(centre(left).y - centre(right).y);
  const double dx = std::max(1.0f, centre(right).x - centre(left).x);
  if (dy > 0.3 * h_large + options.max_slope * dx) return std::numeric_limits<double>::infinity();
  return (std::max(gap, 0.0) + 2 * dy) / h_large + (h_large / h_small - 1);
}

// Vertical distance of `blob`'s centre from the least-squares line through
// the centres of `others`.
double off_line(const cv::Rect& blob, const std::vector<cv::Rect>& others) {
  double mx = 0, my = 0;
  for (const cv::Rect& r : others) {
    mx += centre(r).x;
    my += centre(r).y;
  }
  mx /= others.size();
  my /= others.size();
  double sxx = 0, sxy = 0;
  for (const cv::Rect& r : others) {
    sxx += (centre(r).x - mx) * (centre(r).x - mx);
    sxy += (centre(r).x - mx) * (centre(r).y - my);
  }
  const double slope = sxx > 0 ? sxy / sxx : 0.0;
  return std::abs(centre(blob).y - (my + slope * (centre(blob).x - mx)));
}

// `chars` without end blobs that sit off the line of the rest: chaining
// allows a slope between neighbours, so a bumper edge or a screw beside a
// plate can join its row, tilting the fitted line and growing the box.
std::vector<cv::Rect> trimmed(std::vector<cv::Rect> chars) {
  constexpr std::size_t kMinKept = 3;
  while (chars.size() > kMinKept) {
    std::vector<int> heights;
    for (const cv::Rect& r : chars) heights.push_back(r.height);
    const double limit = kOffLineShare * upper_median(std::move(heights));
    const std::vector<cv::Rect> without_first(chars.begin() + 1, chars.end());
    const std::vector<cv::Rect> without_last(chars.begin(), chars.end() - 1);
    const double first_off = off_line(chars.front(), without_first), last_off = off_line(chars.back(), without_last);
    if (std::max(first_off, last_off) <= limit) break;
    if (first_off >= last_off) {
      chars.erase(chars.begin());
    } else {
      chars.pop_back();
    }
  }
  return chars;
}

// True when `right` continues `left` on its line (joined_lines): similar
// height, starting within the gap limit after `left` and ending past it, and
// every blob of both on the line through them all.
bool continues(const TextLine& left, const TextLine& right, const LineOptions& options) {
  const cv::Rect& last = left.chars.back();
  const cv::Rect& first = right.chars.front();
  const double h = std::max(left.char_height, right.char_height);
  if (h > options.max_height_ratio * std::min(left.char_height, right.char_height)) return false;
  if (first.x <= left.chars.front().x || right.chars.back().br().x <= last.br().x) return false;
  const double gap = first.x - last.br().x;
  if (gap < -0.5 * h || gap > options.max_join_gap * h) return false;
  if (left.char_count + right.char_count > options.max_chars) return false;
  // Near the line of `left` (loosely: a short row's own line is rough) and
  // all on one line together, so a row that merely starts where `left`
  // ends, rising or falling away from it, is not taken for its continuation.
  const cv::Point2f across(-left.axis.y, left.axis.x);
  const cv::Point2f left_centre = (left.quad.corners[0] + left.quad.corners[2]) * 0.5f;
  const bool near_left = std::all_of(right.chars.begin(), right.chars.end(), [&](const cv::Rect& blob) {
    return std::abs((centre(blob) - left_centre).dot(across)) <= 0.5 * h;
  });
  std::vector<cv::Rect> all = left.chars;
  all.insert(all.end(), right.chars.begin(), right.chars.end());
  return near_left && std::all_of(all.begin(), all.end(),
                                  [&](const cv::Rect& blob) { return off_line(blob, all) <= kOffLineShare * h; });
}

}  // namespace

int characters_in(const cv::Rect& blob) {
  // Plate characters are about 0.6 of their height wide with the spacing.
  return std::max(1, static_cast<int>(std::lround(blob.width / (0.6 * blob.height))));
}

TextLine scaled(const TextLine& line, float factor) {
  TextLine out = line;
  for (cv::Rect& r : out.chars) {
    r = cv::Rect(cv::Point(static_cast<int>(std::lround(r.x * factor)), static_cast<int>(std::lround(r.y * factor))),
                 cv::Point(static_cast<int>(std::lround(r.br().x * factor)),
                           static_cast<int>(std::lround(r.br().y * factor))));
  }
  out.char_height *= factor;
  out.quad = anpr::engine::scaled(line.quad, factor);
  return out;
}

TextLine fit_line(std::vector<cv::Rect> chars) {
  TextLine line;
  line.chars = std::move(chars);
  std::vector<int> heights;
  cv::Point2f mean(0, 0);
  for (const cv::Rect& r : line.chars) {
    heights.push_back(r.height);
    mean += centre(r);
    line.char_count += characters_in(r);
  }
  mean *= 1.0f / line.chars.size();
  line.char_height = static_cast<float>(upper_median(std::move(heights)));

  double sxx = 0, sxy = 0;
  for (const cv::Rect& r : line.chars) {
    const cv::Point2f d = centre(r) - mean;
    sxx += d.x * d.x;
    sxy += d.x * d.y;
  }
  const double slope = sxx > 0 ? sxy / sxx : 0.0;
  const double norm = std::sqrt(1 + slope * slope);
  line.axis = cv::Point2f(static_cast<float>(1 / norm), static_cast<float>(slope / norm));
  const cv::Point2f across(-line.axis.y, line.axis.x);

  float u0 = std::numeric_limits<float>::max(), u1 = -u0, v0 = u0, v1 = -u0;
  for (const cv::Rect& r : line.chars) {
    // Only the box's vertical mid-edges for the across extent: a rolled
    // character's box corners overstate its height.
    const cv::Point2f c = centre(r) - mean;
    const cv::Point2f points[] = {c + cv::Point2f(-r.width / 2.0f, 0), c + cv::Point2f(r.width / 2.0f, 0),
                                  c + cv::Point2f(0, -r.height / 2.0f), c + cv::Point2f(0, r.height / 2.0f)};
    for (const cv::Point2f& p : points) {
      const float u = p.dot(line.axis), v = p.dot(across);
      u0 = std::min(u0, u);
      u1 = std::max(u1, u);
      v0 = std::min(v0, v);
      v1 = std::max(v1, v);
    }
  }
  const cv::Point2f middle = mean + line.axis * ((u0 + u1) / 2) + across * ((v0 + v1) / 2);
  line.quad = oriented_quad(middle, line.axis, u1 - u0, v1 - v0);
  return line;
}

std::vector<TextLine> joined_lines(const std::vector<TextLine>& lines, const LineOptions& options) {
  std::vector<TextLine> joined;
  for (const TextLine& left : lines) {
    for (const TextLine& right : lines) {
      if (&left == &right || !continues(left, right, options)) continue;
      std::vector<cv::Rect> chars = left.chars;
      chars.insert(chars.end(), right.chars.begin(), right.chars.end());
      std::sort(chars.begin(), chars.end(), left_to_right);
      TextLine line = fit_line(std::move(chars));
      if (level_enough(line, options)) joined.push_back(std::move(line));
    }
  }
  return joined;
}

std::vector<TextLine> group_lines(std::vector<cv::Rect> blobs, const LineOptions& options) {
  std::sort(blobs.begin(), blobs.end(), left_to_right);
  struct Join {
    double cost;
    std::size_t left, right;
  };
  std::vector<Join> joins;
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    const double reach = blobs[i].x + blobs[i].width + options.max_gap * blobs[i].height * options.max_height_ratio;
    for (std::size_t j = i + 1; j < blobs.size() && blobs[j].x <= reach; ++j) {
      const double cost = join_cost(blobs[i], blobs[j], options);
      if (std::isfinite(cost)) joins.push_back({cost, i, j});
    }
  }
  std::sort(joins.begin(), joins.end(), [](const Join& a, const Join& b) { return a.cost < b.cost; });

  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> next(blobs.size(), kNone), previous(blobs.size(), kNone);
  for (const Join& join : joins) {
    if (next[join.left] == kNone && previous[join.right] == kNone) {
      next[join.left] = join.right;
      previous[join.right] = join.left;
    }
  }

  std::vector<TextLine> lines;
  for (std::size_t head = 0; head < blobs.size(); ++head) {
    if (previous[head] != kNone) continue;
    std::vector<cv::Rect> chars;
    for (std::size_t at = head; at != kNone; at = next[at]) chars.push_back(blobs[at]);
    TextLine line = fit_line(trimmed(std::move(chars)));
    if (line.char_count < options.min_chars || line.char_count > options.max_chars) continue;
    if (level_enough(line, options)) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace anpr::engine
