// Country identification and candidate ranking; see plate_rank.h for the
// score and docs/plate-formats.md for why the priors are what they are.
#include "common/plate/plate_rank.h"

#include <algorithm>
#include <utility>

#include "common/plate/plate_display.h"
#include "common/plate/plate_error.h"
#include "common/plate/plate_specificity.h"
#include "common/plate/plate_text.h"

namespace anpr::plate {
namespace {

constexpr std::pair<std::string_view, double> kPriors[] = {
    {"LV", 1.0}, {"LT", 1.0}, {"EE", 0.7}, {"PL", 0.7}, {"BY", 0.7}, {"RU", 0.6}, {"FI", 0.5},
    {"DE", 0.5}, {"UA", 0.5}, {"SK", 0.4}, {"CZ", 0.4}, {"SE", 0.3}, {"NL", 0.3}, {"RO", 0.3},
    {"HU", 0.3}, {"NO", 0.2}, {"DK", 0.2}, {"BE", 0.2}, {"FR", 0.2}, {"IT", 0.2}, {"AT", 0.2},
    {"GB", 0.2}, {"HR", 0.2}, {"ES", 0.2}, {"CH", 0.15},
};

bool is_catalogued(std::string_view country) {
  const auto& all = countries();
  return std::find(all.begin(), all.end(), country) != all.end();
}

void check_hints(std::span<const std::string> hints) {
  for (const std::string& hint : hints) {
    if (!is_catalogued(hint)) throw PlateError("country hint '" + hint + "' is not a catalogued plate country");
  }
}

double hinted_prior(std::string_view country, std::span<const std::string> hints) {
  const double prior = country_prior(country);
  if (hints.empty()) return prior;
  const bool hinted = std::find(hints.begin(), hints.end(), country) != hints.end();
  return hinted ? 1.0 : prior * kUnhintedFactor;
}

// identify() without the hint check, for callers that checked once already.
// Fits that the floor (kMinFitValidity) makes equal are ordered by what they
// were worth before it: a Lithuanian motorcycle plate "233NO" is rare, but
// its shape says more than the Latvian vanity shape that fits it too.
std::vector<CountryFit> identify_checked(std::string_view normalised, std::span<const std::string> hints) {
  struct Found {
    CountryFit fit;
    double unfloored;
  };
  std::vector<Found> found;
  for (const std::string& country : countries()) {
    const double prior = hinted_prior(country, hints);
    Found best{{nullptr, 0.0}, 0.0};
    for (const PlateFormat* format : formats_of(country)) {
      const double unfloored = prior * fit_weight(*format, normalised.size());
      const double validity = std::max(kMinFitValidity, unfloored);
      const bool better = validity > best.fit.validity || (validity == best.fit.validity && unfloored > best.unfloored);
      if (better && fits(*format, normalised)) best = {{format, validity}, unfloored};
    }
    if (best.fit.format != nullptr) found.push_back(best);
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.fit.validity != b.fit.validity ? a.fit.validity > b.fit.validity : a.unfloored > b.unfloored;
  });
  std::vector<CountryFit> fits_found;
  for (const Found& f : found) fits_found.push_back(f.fit);
  return fits_found;
}

RankedCandidate assess(const OcrCandidate& candidate, std::span<const std::string> hints) {
  if (!(candidate.confidence >= 0.0 && candidate.confidence <= 1.0)) {
    throw PlateError("OCR candidate '" + candidate.text + "' has confidence " + std::to_string(candidate.confidence) +
                     ", outside [0, 1]");
  }
  NormalisedText normalised = normalise(candidate.text);
  RankedCandidate ranked{std::move(normalised.text), candidate.confidence, nullptr, kUnfitValidity, 0.0, 0.0, {}};
  const std::vector<CountryFit> found =
      normalised.clean() ? identify_checked(ranked.text, hints) : std::vector<CountryFit>{};
  if (found.empty()) {
    ranked.display = ranked.text;
  } else {
    double total = 0.0;
    for (const CountryFit& f : found) total += f.validity;
    ranked.format = found.front().format;
    ranked.validity = found.front().validity;
    ranked.country_confidence = ranked.validity / total;
    ranked.display = *display_as(*ranked.format, ranked.text);
  }
  ranked.score = ranked.confidence * ranked.validity;
  return ranked;
}

}  // namespace

double country_prior(std::string_view country) {
  for (const auto& [code, prior] : kPriors) {
    if (code == country) return prior;
  }
  throw PlateError("country '" + std::string(country) + "' has no prior in the plate ranking table");
}

std::vector<CountryFit> identify(std::string_view normalised, std::span<const std::string> hints) {
  check_hints(hints);
  return identify_checked(normalised, hints);
}

std::vector<RankedCandidate> rank_candidates(std::span<const OcrCandidate> candidates,
                                             std::span<const std::string> hints) {
  check_hints(hints);
  std::vector<RankedCandidate> ranked;
  for (const OcrCandidate& candidate : candidates) {
    RankedCandidate assessed = assess(candidate, hints);
    if (!assessed.text.empty()) ranked.push_back(std::move(assessed));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedCandidate& a, const RankedCandidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.confidence > b.confidence;
  });
  std::vector<RankedCandidate> unique;
  for (RankedCandidate& candidate : ranked) {
    const bool seen = std::any_of(unique.begin(), unique.end(),
                                  [&](const RankedCandidate& kept) { return kept.text == candidate.text; });
    if (!seen) unique.push_back(std::move(candidate));
  }
  return unique;
}

}  // namespace anpr::plate
