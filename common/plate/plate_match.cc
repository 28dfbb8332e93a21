// The matcher behind watchlists; see plate_match.h for the semantics.
//
// An edit distance with two cost dimensions cannot be minimised
// lexicographically: the alignment with the fewest equivalent substitutions
// may need more other edits than the tolerance allows while another one fits.
// So the table is indexed by the number of equivalent substitutions used and
// holds the fewest other edits for it:
//   cell[i][j][e] = fewest other edits aligning pattern[0, i) with
//                   text[0, j) using exactly e equivalent substitutions.
// Counts beyond the tolerance are cut off, which bounds e by the limit (or
// the shorter string) and lets a row whose every cell is over the limit end
// the search, since later rows can only cost more.
#include "common/plate/plate_match.h"

#include <algorithm>
#include <vector>

#include "common/plate/ocr_equivalence.h"

namespace anpr::plate {
namespace {

bool has_wildcard(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

class Table {
 public:
  Table(std::size_t columns, std::size_t equivalents, unsigned over_limit)
      : equivalents_(equivalents), over_limit_(over_limit), cells_(columns * equivalents, over_limit) {}

  unsigned& at(std::size_t j, std::size_t e) { return cells_[j * equivalents_ + e]; }
  unsigned at(std::size_t j, std::size_t e) const { return cells_[j * equivalents_ + e]; }

  void lower(std::size_t j, std::size_t e, unsigned cost) {
    unsigned& cell = at(j, e);
    cell = std::min({cell, cost, over_limit_});
  }

  void clear() { std::fill(cells_.begin(), cells_.end(), over_limit_); }

  bool all_over_limit() const {
    return std::all_of(cells_.begin(), cells_.end(), [this](unsigned c) { return c >= over_limit_; });
  }

 private:
  std::size_t equivalents_;
  unsigned over_limit_;
  std::vector<unsigned> cells_;
};

}  // namespace

MatchResult match(std::string_view pattern, std::string_view text, MatchTolerance tolerance) {
  const bool wildcards = has_wildcard(pattern);
  if (!wildcards) {
    if (pattern == text) return {true, 0, 0};
    if (tolerance.max_equivalent_substitutions == 0 && tolerance.max_other_edits == 0) return {};
    const std::size_t length_gap = pattern.size() > text.size() ? pattern.size() - text.size()
                                                                : text.size() - pattern.size();
    if (length_gap > tolerance.max_other_edits) return {};
  }

  const std::size_t m = pattern.size();
  const std::size_t n = text.size();
  const auto max_other = static_cast<unsigned>(std::min<std::size_t>(tolerance.max_other_edits, m + n));
  const std::size_t max_equivalent = std::min<std::size_t>(tolerance.max_equivalent_substitutions, std::min(m, n));
  const unsigned over = max_other + 1;
  const std::size_t layers = max_equivalent + 1;

  Table prev(n + 1, layers, over);
  Table cur(n + 1, layers, over);
  for (std::size_t j = 0; j <= n; ++j) prev.lower(j, 0, static_cast<unsigned>(j));

  for (std::size_t i = 1; i <= m; ++i) {
    const char p = pattern[i - 1];
    cur.clear();
    for (std::size_t j = 0; j <= n; ++j) {
      for (std::size_t e = 0; e < layers; ++e) {
        if (p == '*') {
          cur.lower(j, e, prev.at(j, e));
          if (j > 0) cur.lower(j, e, cur.at(j - 1, e));
          continue;
        }
        cur.lower(j, e, prev.at(j, e) + 1);
        if (j == 0) continue;
        cur.lower(j, e, cur.at(j - 1, e) + 1);
        const char t = text[j - 1];
        if (p == '?' || p == t) {
          cur.lower(j, e, prev.at(j - 1, e));
        } else {
          cur.lower(j, e, prev.at(j - 1, e) + 1);
          if (e > 0 && ocr_equivalent(p, t)) cur.lower(j, e, prev.at(j - 1, e - 1));
        }
      }
    }
    if (cur.all_over_limit()) return {};
    std::swap(prev, cur);
  }

  MatchResult best;
  for (std::size_t e = 0; e < layers; ++e) {
    const unsigned other = prev.at(n, e);
    if (other < over && (!best.matched || other < best.other_edits)) {
      best = {true, static_cast<unsigned>(e), other};
    }
  }
  return best;
}

}  // namespace anpr::plate
