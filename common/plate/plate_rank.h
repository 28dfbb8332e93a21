// Which country a plate read belongs to, and which of an OCR engine's
// alternative reads to believe. A read that fits a real plate format is more
// likely right than one that fits none, and at the Latvia-Lithuania border a
// Latvian or Lithuanian plate is more likely than a Czech one; a camera's site
// may know better still, so callers can pass country hints.
//
// validity(read) = max(kMinFitValidity,
//                      prior(country) x fit_weight(format, length)),
//                  best over the formats the read fits, or kUnfitValidity
//                  when it fits none
// score(read)    = confidence x validity
//
// fit_weight (plate_specificity.h) is how common the format's series is
// times how specific its shape is at the read's length, so a loose shape
// (Latvian vanity plates) weighs far less than a tight one (a Romanian
// county series). Priors and weights are in (0, 1]. With hints, a hinted
// country's prior is raised to 1 and every other country's is multiplied by
// kUnhintedFactor; even then no fit's validity drops below kMinFitValidity.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/plate/plate_format.h"

namespace anpr::plate {

// Below every fit's validity (kMinFitValidity), so at equal confidence a read
// that fits some format always ranks above one that fits none. A fit that
// carries almost no evidence, such as a vanity plate, ranks only a little
// above; a full Latvian or Lithuanian plate 12-15 times.
inline constexpr double kUnfitValidity = 0.05;
// The least a fit is worth, whatever its country and shape.
inline constexpr double kMinFitValidity = 0.06;
inline constexpr double kUnhintedFactor = 0.5;

// The base prior of a catalogued country (roughly its share of traffic at
// this border). Throws PlateError for a country not in the catalogue.
double country_prior(std::string_view country);

struct CountryFit {
  const PlateFormat* format;  // the country's best format for the text
  double validity;            // as above, hints applied
};

// One entry per country whose formats `normalised` fits, most valid first
// (catalogue order among equals). Throws PlateError for an unknown hint.
std::vector<CountryFit> identify(std::string_view normalised, std::span<const std::string> hints = {});

struct OcrCandidate {
  std::string text;   // as the engine produced it: any case, separators, Cyrillic
  double confidence;  // in [0, 1]
};

struct RankedCandidate {
  std::string text;            // normalised
  double confidence;           // as given
  const PlateFormat* format;   // best fit, nullptr when none
  double validity;
  double score;                // confidence x validity
  // The best country's validity as a share of all fitting countries'
  // validities: how sure the country is, given that the text is right.
  // 0 when nothing fits.
  double country_confidence;
  std::string display;         // per `format`, else the text itself
};

// Normalises every candidate and returns them best score first (then higher
// confidence, then input order). A read with characters that cannot be on a
// plate counts as fitting nothing; reads that normalise to the same text are
// merged into the best-scoring one; reads that normalise to nothing are
// dropped. Throws PlateError for a confidence outside [0, 1] or an unknown hint.
std::vector<RankedCandidate> rank_candidates(std::span<const OcrCandidate> candidates,
                                             std::span<const std::string> hints = {});

}  // namespace anpr::plate
