// Candidate ranking and country choice; see plate_identifier.h.
#include "edge/engine/plate_identifier.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/plate/plate_display.h"
#include "common/plate/plate_rank.h"

namespace anpr::engine {
namespace {

constexpr std::array<std::string_view, 27> kEuCountries = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

bool shows_hyphen(const plate::CountryFit& fit, std::string_view text) {
  const std::optional<std::string> shown = plate::display_as(*fit.format, text);
  return shown && shown->find('-') != std::string::npos;
}

// The country for `ranked`. Among the countries whose formats fit the text
// about as well as the best (kStripDecidesWithin) and, when the plate shows
// a hyphen, print one there: the strip's code when it is one of them, else
// the best of them. Without such evidence the best format's country, unless
// the plate has an EU strip and an EU format fits the same text about as
// well: blue beside a Russian plate on a blue car is no reason to name it
// Latvian because the loose vanity shape fits its text too.
std::string country_of(const plate::RankedCandidate& ranked, std::span<const std::string> hints,
                       const PlateEvidence& evidence) {
  if (ranked.format == nullptr) return "";
  const std::vector<plate::CountryFit> fits = plate::identify(ranked.text, hints);
  // The fits about as good as the best, each with whether it prints the
  // hyphen seen (asked only when one was); the best counts only
  // kHyphenMissedShare of itself where it prints a hyphen looked for and
  // not seen, and the strip is sure.
  std::vector<std::pair<const plate::CountryFit*, bool>> close;
  const bool hyphen_unseen = evidence.hyphen_searched && !evidence.hyphen && evidence.strip_sure &&
                             std::any_of(fits.begin(), fits.end(), [&](const plate::CountryFit& fit) {
                               return fit.format == ranked.format && shows_hyphen(fit, ranked.text);
                             });
  const double best = ranked.validity * (hyphen_unseen ? kHyphenMissedShare : 1.0);
  for (const plate::CountryFit& fit : fits) {
    if (fit.validity * kStripDecidesWithin >= best) {
      close.emplace_back(&fit, evidence.hyphen && shows_hyphen(fit, ranked.text));
    }
  }
  // A hyphen that no close fit prints (one seen in `8D`) tells nothing.
  const bool hyphen = std::any_of(close.begin(), close.end(), [](const auto& c) { return c.second; });
  const plate::CountryFit* hyphenated = nullptr;
  for (const auto& [fit, prints_hyphen] : close) {
    if (hyphen && !prints_hyphen) continue;
    if (fit->format->country == evidence.strip_country) return evidence.strip_country;
    const bool eu_ok = !evidence.eu || is_eu_country(fit->format->country);
    if (hyphen && hyphenated == nullptr && eu_ok) hyphenated = fit;
  }
  if (hyphenated != nullptr) return hyphenated->format->country;
  if (!evidence.eu || is_eu_country(ranked.format->country)) return ranked.format->country;
  for (const auto& [fit, prints_hyphen] : close) {
    if (is_eu_country(fit->format->country)) return fit->format->country;
  }
  return ranked.format->country;
}

// What the left end of an old Hungarian plate (the flag, a small `H` under
// it, a thin dividing rule) reads as where a whole-plate cut holds it and
// the text row does not: `GGT-677` read `IGGT677` beside the row's `GGT677`;
// the cut with room at the row's ends (kRowToPlateForLostEnds) holds
// the flag's `H` without the rule too (`HGGT677`). No set of stop 18's
// reads differently by them; the `H` costs one generated Hungarian 2022
// plate that starts with an H against the strip (docs/recognition.md,
// stops 18 and 22).
constexpr std::array<std::string_view, 3> kLeftEndMarks = {"I", "HI", "H"};

// True when `part` can be had from `whole` by dropping characters.
bool is_subsequence(const std::string& part, const std::string& whole) {
  std::size_t matched = 0;
  for (char c : whole) {
    if (matched < part.size() && part[matched] == c) ++matched;
  }
  return matched == part.size();
}

bool is_text_twice(std::string_view longer, std::string_view shorter) {
  return longer.size() == 2 * shorter.size() && longer.substr(0, shorter.size()) == shorter &&
         longer.substr(shorter.size()) == shorter;
}

// True when `longer` is `shorter` with a left-end mark in front; with
// `flag_only`, a mark that holds the flag's `H`. A lone `I` in front is often
// a plate's own letter (`IF 82 EVA`, the Romanian county), which its better
// fit brings back (lacks_characters_of); an `H` in front of a whole plate
// fits the Hungarian 2022 series (`HABQ062`) a little better than the old
// series the plate is (`ABQ062`).
bool has_left_end_mark(std::string_view longer, std::string_view shorter, bool strip_seen, bool flag_only = false) {
  if (strip_seen || longer.size() <= shorter.size() || !longer.ends_with(shorter)) return false;
  const std::string_view mark = longer.substr(0, longer.size() - shorter.size());
  return std::find(kLeftEndMarks.begin(), kLeftEndMarks.end(), mark) != kLeftEndMarks.end() &&
         (!flag_only || mark.starts_with('H'));
}

// True when `longer` is `shorter` with an old Hungarian plate's flag read in
// front: its `H`, with or without the rule (has_left_end_mark), or the flag
// read as another letter and the rule as `I` (`RIGOD666`).
bool has_flag_in_front(std::string_view longer, std::string_view shorter, bool strip_seen) {
  if (strip_seen) return false;
  if (has_left_end_mark(longer, shorter, strip_seen, true)) return true;
  return longer.size() == shorter.size() + 2 && longer.ends_with(shorter) && longer[0] >= 'A' && longer[0] <= 'Z' &&
         longer[1] == 'I';
}

// True when `shorter` reads `longer`'s plate with characters missing: at the
// ends (reads_more_at_ends), or inside when `longer` fits its format better
// (`G818` of `GB9818`, a doubled letter lost; a lone `I` in front, see
// has_left_end_mark) but never where `longer` only adds the flag's `H`. A
// phantom letter the CRNN adds inside one cut (`B96TRFH` beside `B96TRH`)
// leaves a text no more plate-like, so there the more confident reading
// stays.
bool lacks_characters_of(const Identification& shorter, const Identification& longer, bool strip_seen) {
  if (is_text_twice(longer.text, shorter.text) || has_left_end_mark(longer.text, shorter.text, strip_seen, true)) {
    return false;
  }
  return reads_more_at_ends(longer.text, shorter.text, strip_seen) ||
         (longer.validity > shorter.validity && is_subsequence(shorter.text, longer.text));
}

}  // namespace

bool reads_more_at_ends(std::string_view longer, std::string_view shorter, bool strip_seen) {
  if (longer.size() <= shorter.size() || longer.find(shorter) == std::string_view::npos) return false;
  return !has_left_end_mark(longer, shorter, strip_seen) && !is_text_twice(longer, shorter);
}

bool is_eu_country(std::string_view country) {
  return std::find(kEuCountries.begin(), kEuCountries.end(), country) != kEuCountries.end();
}

Identification identify_plate(std::span<const TextCandidate> texts, std::span<const std::string> hints,
                              const PlateEvidence& evidence, std::size_t top_n) {
  std::vector<plate::OcrCandidate> ocr;
  for (const TextCandidate& t : texts) ocr.push_back({t.text, std::clamp(t.confidence, 0.0, 1.0)});
  const std::vector<plate::RankedCandidate> ranked = plate::rank_candidates(ocr, hints);
  Identification id;
  if (ranked.empty()) return id;
  for (const plate::RankedCandidate& r : ranked) {
    if (id.candidates.size() >= std::max<std::size_t>(top_n, 1)) break;
    id.candidates.push_back({r.text, r.format ? r.confidence : r.confidence * kUnfitConfidenceFactor});
  }
  const plate::RankedCandidate& best = ranked.front();
  id.text = best.text;
  id.country = country_of(best, hints, evidence);
  id.display = id.country.empty() ? best.text : plate::display(best.text, id.country);
  id.confidence = id.candidates.front().confidence;
  id.validity = best.format ? best.validity : 0.0;
  return id;
}

Identification with_o_zero_resolved(Identification id, std::span<const std::string> hints,
                                    const PlateEvidence& evidence, std::size_t top_n) {
  if (id.text.empty() || id.validity > plate::kMinFitValidity) return id;
  const double need = id.validity > 0 ? kOZeroSwapFit : 0.0;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < id.text.size() && at.size() < kMaxOZeroSwaps; ++i) {
    if (id.text[i] == 'O' || id.text[i] == '0') at.push_back(i);
  }
  if (at.empty()) return id;
  // Every text at the read's own (demoted) confidence: the formats alone
  // rank them, and a fit is believed no more than the unfit read.
  std::vector<TextCandidate> texts{{id.text, id.confidence}};
  for (unsigned swaps = 1; swaps < (1u << at.size()); ++swaps) {
    std::string variant = id.text;
    for (std::size_t k = 0; k < at.size(); ++k) {
      if (swaps & (1u << k)) variant[at[k]] = variant[at[k]] == 'O' ? '0' : 'O';
    }
    texts.push_back({std::move(variant), id.confidence});
  }
  Identification resolved = identify_plate(texts, hints, evidence, top_n);
  return resolved.validity > std::max(id.validity, need) ? resolved : id;
}

bool better_cut(const Identification& b, const Identification& a, bool strip_seen) {
  if (has_flag_in_front(b.text, a.text, strip_seen) && a.validity > b.validity) return false;
  if (has_flag_in_front(a.text, b.text, strip_seen) && b.validity > a.validity) return true;
  if (b.text.size() > a.text.size() && lacks_characters_of(a, b, strip_seen)) {
    return b.confidence >= kLongerCutShare * a.confidence;
  }
  if (a.text.size() > b.text.size() && lacks_characters_of(b, a, strip_seen)) {
    return a.confidence < kLongerCutShare * b.confidence;
  }
  return b.confidence > a.confidence;
}

}  // namespace anpr::engine
