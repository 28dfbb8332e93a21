// Shape specificity; see plate_specificity.h for the definition and why.
#include "common/plate/plate_specificity.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace anpr::plate {
namespace {

// A-Z and 0-9: what a normalised character can be.
constexpr double kAlphabet = 36.0;

// fit_weight for every length up to the longest `format` accepts.
std::vector<double> fit_weights(const PlateFormat& format) {
  std::vector<double> by_length;
  for (std::size_t n = 0; n <= std::min(format.max_length, format.shape.longest()); ++n) {
    const bool possible = format.shape.count(n) > 0.0;
    by_length.push_back(possible ? format.weight * evidence_weight(specificity_bits(format.shape, n)) : 0.0);
  }
  return by_length;
}

}  // namespace

double specificity_bits(const Shape& shape, std::size_t length) {
  const double fits = shape.count(length);
  if (fits <= 0.0) return 0.0;
  return static_cast<double>(length) * std::log2(kAlphabet) - std::log2(fits);
}

double evidence_weight(double bits) { return std::clamp(bits / kFullEvidenceBits, 0.0, 1.0); }

double fit_weight(const PlateFormat& format, std::size_t length) {
  // Ranking asks this for every candidate and format, so the catalogue's
  // values are tabulated; a format built elsewhere is computed afresh.
  static const std::vector<std::vector<double>> table = [] {
    std::vector<std::vector<double>> out;
    for (const PlateFormat& f : formats()) out.push_back(fit_weights(f));
    return out;
  }();
  const PlateFormat* first = formats().data();
  const PlateFormat* last = first + formats().size();
  // std::less: a total order even for a pointer outside the catalogue.
  const bool catalogued = !std::less<>{}(&format, first) && std::less<>{}(&format, last);
  const std::vector<double> own = catalogued ? std::vector<double>{} : fit_weights(format);
  const std::vector<double>& by_length =
      catalogued ? table[static_cast<std::size_t>(&format - first)] : own;
  return length < by_length.size() ? by_length[length] : 0.0;
}

}  // namespace anpr::plate
