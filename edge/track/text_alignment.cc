// OCR-aware edit distance and alignment; see text_alignment.h. Plate texts
// are at most a dozen characters, so the full dynamic-programming table is
// cheaper than anything cleverer.
#include "edge/track/text_alignment.h"

#include <algorithm>

#include "common/plate/ocr_equivalence.h"

namespace anpr::track {
namespace {

double substitution_cost(char a, char b) {
  if (a == b) return 0.0;
  return plate::ocr_equivalent(a, b) ? kEquivalentSubstitutionCost : 1.0;
}

// cost[i][j]: cheapest edit of a's first i characters into b's first j,
// stored row-major with (b.size() + 1) columns.
class EditTable {
 public:
  EditTable(std::string_view a, std::string_view b) : a_(a), b_(b), cost_((a.size() + 1) * (b.size() + 1)) {
    for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = static_cast<double>(i);
    for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = static_cast<double>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        at(i, j) = std::min({at(i - 1, j - 1) + substitution_cost(a[i - 1], b[j - 1]), at(i - 1, j) + 1.0,
                             at(i, j - 1) + 1.0});
      }
    }
  }

  double total() const { return at(a_.size(), b_.size()); }

  // Walks a cheapest script back from the end, preferring the diagonal so
  // that characters pair up whenever that is as cheap as a gap.
  std::vector<std::optional<std::size_t>> alignment() const {
    std::vector<std::optional<std::size_t>> pairs(a_.size());
    std::size_t i = a_.size();
    std::size_t j = b_.size();
    while (i > 0 && j > 0) {
      if (at(i, j) == at(i - 1, j - 1) + substitution_cost(a_[i - 1], b_[j - 1])) {
        pairs[--i] = --j;
      } else if (at(i, j) == at(i - 1, j) + 1.0) {
        --i;
      } else {
        --j;
      }
    }
    return pairs;
  }

 private:
  double& at(std::size_t i, std::size_t j) { return cost_[i * (b_.size() + 1) + j]; }
  double at(std::size_t i, std::size_t j) const { return cost_[i * (b_.size() + 1) + j]; }

  std::string_view a_;
  std::string_view b_;
  std::vector<double> cost_;
};

}  // namespace

double text_distance(std::string_view a, std::string_view b) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 0.0;
  return EditTable(a, b).total() / static_cast<double>(longer);
}

std::vector<std::optional<std::size_t>> align_to(std::string_view reference, std::string_view text) {
  return EditTable(reference, text).alignment();
}

}  // namespace anpr::track
