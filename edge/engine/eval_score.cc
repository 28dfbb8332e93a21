// Scoring rules of anpr-eval; see eval_score.h.
#include "edge/engine/eval_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/plate/plate_text.h"

namespace anpr::engine {
namespace {

// Wildcard match where '?' takes one character or none.
bool matches_from(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '?') {
    return matches_from(pattern.substr(1), text) || (!text.empty() && matches_from(pattern.substr(1), text.substr(1)));
  }
  return !text.empty() && pattern.front() == text.front() && matches_from(pattern.substr(1), text.substr(1));
}

bool centre_inside(const cv::Rect& inner, const cv::Rect& outer) {
  return outer.contains(cv::Point(inner.x + inner.width / 2, inner.y + inner.height / 2));
}

bool candidates_match(const std::string& truth, const PlateRead& read) {
  return std::any_of(read.candidates.begin(), read.candidates.end(),
                     [&](const ReadCandidate& c) { return text_matches(truth, c.text); });
}

}  // namespace

bool text_matches(std::string_view truth, std::string_view read) {
  // German plates may carry umlauts; the engine reads only A-Z, and an
  // umlaut looks like its base letter to it.
  std::string plain(truth);
  for (const auto& [umlaut, base] : {std::pair{"\xC3\x84", "A"}, {"\xC3\x96", "O"}, {"\xC3\x9C", "U"}}) {
    for (std::size_t at = plain.find(umlaut); at != std::string::npos; at = plain.find(umlaut, at)) {
      plain.replace(at, 2, base);
    }
  }
  const std::string pattern = plate::normalise_pattern(plain).text;
  return !read.empty() && matches_from(pattern, read);
}

bool box_matches(const cv::Rect& truth, const cv::Rect& reported) {
  const double inter = (truth & reported).area();
  const double uni = truth.area() + reported.area() - inter;
  if (uni > 0 && inter / uni >= 0.3) return true;
  return centre_inside(reported, truth) || centre_inside(truth, reported);
}

std::vector<PlateOutcome> score_image(std::span<const TruthPlate> truths, std::span<const PlateRead> reads) {
  const std::size_t unboxed = static_cast<std::size_t>(
      std::count_if(truths.begin(), truths.end(), [](const TruthPlate& t) { return !t.box.has_value(); }));
  std::vector<PlateOutcome> outcomes;
  for (const TruthPlate& truth : truths) {
    PlateOutcome outcome;
    if (truth.box) {
      const auto hit = std::find_if(reads.begin(), reads.end(),
                                    [&](const PlateRead& r) { return box_matches(*truth.box, r.box); });
      if (hit != reads.end()) {
        outcome.found = true;
        outcome.read = hit->text;
        outcome.top1 = text_matches(truth.plate, hit->text);
        outcome.topn = candidates_match(truth.plate, *hit);
        outcome.read_country = hit->country;
      }
    } else if (!reads.empty()) {
      outcome.found = true;
      const auto pool = reads.first(std::min(unboxed, reads.size()));
      const auto best = std::find_if(pool.begin(), pool.end(),
                                     [&](const PlateRead& r) { return text_matches(truth.plate, r.text); });
      outcome.top1 = best != pool.end();
      const PlateRead& compared = outcome.top1 ? *best : pool.front();
      outcome.read = compared.text;
      outcome.read_country = compared.country;
      outcome.topn = std::any_of(pool.begin(), pool.end(),
                                 [&](const PlateRead& r) { return candidates_match(truth.plate, r); });
    }
    outcome.country_known = outcome.found && !truth.country.empty();
    outcome.country_right = outcome.country_known && outcome.read_country == truth.country;
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

void Tally::add(const PlateOutcome& outcome) {
  ++plates;
  found += outcome.found;
  top1 += outcome.top1;
  topn += outcome.topn;
  country_known += outcome.country_known;
  country_right += outcome.country_right;
}

std::string percent(std::size_t part, std::size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%5.1f%%", whole ? 100.0 * part / whole : 0.0);
  return buffer;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(std::clamp(q, 0.0, 1.0) * values.size());
  return values[static_cast<std::size_t>(std::max(rank, 1.0)) - 1];
}

}  // namespace anpr::engine
