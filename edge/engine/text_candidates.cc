// Top-N texts from per-character alternatives; see text_candidates.h.
#include "edge/engine/text_candidates.h"

#include <algorithm>
#include <cmath>

namespace anpr::engine {

std::vector<TextCandidate> best_texts(const LineReading& positions, std::size_t count) {
  if (positions.empty() || count == 0) return {};
  struct Partial {
    std::string text;
    double log_probability;
  };
  // Probabilities of 0 would make every text through them equally impossible;
  // a floor keeps them ordered by the rest of the plate.
  constexpr double kFloor = 1e-4;
  std::vector<Partial> beam{{"", 0.0}}, grown;
  for (const ReadSymbol& symbol : positions) {
    grown.clear();
    for (const Partial& partial : beam) {
      for (const CharChoice& choice : symbol.choices) {
        grown.push_back({partial.text + choice.symbol,
                         partial.log_probability + std::log(std::max<double>(choice.probability, kFloor))});
      }
    }
    const std::size_t keep = std::min(count, grown.size());
    std::partial_sort(grown.begin(), grown.begin() + keep, grown.end(),
                      [](const Partial& a, const Partial& b) { return a.log_probability > b.log_probability; });
    grown.resize(keep);
    beam.swap(grown);
  }
  std::vector<TextCandidate> texts;
  for (const Partial& p : beam) {
    texts.push_back({p.text, std::exp(p.log_probability / static_cast<double>(positions.size()))});
  }
  return texts;
}

}  // namespace anpr::engine
