// The last pipeline stage: which of the reader's alternative texts to report
// and whose plate it is. The plate catalogue (common/plate) ranks texts by
// how well they fit a real format, weighted by the country's share of
// traffic and the site's hints; the EU strip, when the rectifier saw one,
// rules out the non-EU countries for the same characters, and the country
// code the strip classifier read on it (band_classifier.h) decides between
// countries whose formats the text fits alike; a hyphen seen between the
// characters (plate_hyphen.h) rules out the countries that print none, and
// one looked for and not seen weakens the formats that print one.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edge/engine/plate_read.h"
#include "edge/engine/text_candidates.h"

namespace anpr::engine {

// A text that fits no catalogued format may still be a real plate (Spain,
// Romania, Hungary are not catalogued), so it is demoted, not dropped.
inline constexpr double kUnfitConfidenceFactor = 0.8;

struct Identification {
  std::string text;
  std::string display;
  std::string country;
  double confidence = 0;
  double validity = 0;                    // how well `text` fits its format (plate_rank.h), 0 when none
  std::vector<ReadCandidate> candidates;  // at most top_n, best first
};

// What the plate shows beside its text: the strip at its left edge, and a
// hyphen between its characters (plate_hyphen.h).
struct PlateEvidence {
  bool eu = false;            // strip blue was seen left of the text
  std::string strip_country;  // the strip classifier's country code when it is sure of it, else ""
  bool hyphen = false;
  // The plate was searched for a hyphen (one-row plates are).
  bool hyphen_searched = false;
  // The strip classifier is sure of its code by the general trust, not only
  // the border countries' lower one (EngineOptions::band_trust).
  bool strip_sure = false;
};

// How confident, relative to a shorter reading it contains, a longer reading
// of another cut must be to win (chosen on generated LV/LT crops and the
// tuning sets' validation fifth: 0.7 and 0.85 gave the same, 0.5 lost).
inline constexpr double kLongerCutShare = 0.8;

// True when `longer` is `shorter` with characters added at its ends (a row
// cut short: `SDZ` of `SDZ127`), but not when the added characters are only
// a left-end mark (`I`, `HI`, `H`: an old Hungarian plate's flag and rule,
// or its flag alone) nor when `longer` is `shorter` twice (both halves of a
// one-row plate read whole: `KV2KV2`). Where `strip_seen` (the blue of a
// strip left of the text, or a code the strip classifier names), no old
// Hungarian flag or rule stands there, and any character added counts.
bool reads_more_at_ends(std::string_view longer, std::string_view shorter, bool strip_seen = false);

// `id` where its text fits a catalogued format; where it fits none, the
// text with its O and 0 swapped (at most kMaxOZeroSwaps of them, every
// combination) that fits one best, with the text itself among its
// candidates, all at no more than `id`'s (demoted) confidence; `id` when no
// swap fits. Every plate's text fits some format, and the DIN face of LV
// and LT plates draws O and 0 as one glyph (`O` is 1 px wider at 100 px),
// so the reader's choice between them is a guess; a Latvian vanity plate
// read as digits only (`9O` read `90`) fits no format. Asked of the
// reading finally chosen among a plate's cuts, not of each cut: a cut that
// read only a group of digits (`806` of `IYI 806`) would fit as vanity
// text and win over the whole plate (generated LV/LT crops 96.8 -> 95.7 %;
// docs/recognition.md, stop 26).
//
// A text that fits only the loosest shapes (at kMinFitValidity: vanity
// text, which almost any read fits) is swapped too, but only to a text
// that fits a specific series from kOZeroSwapFit on: a Russian `B051BX44`
// read `BO51BX44` fits nothing but a vanity plate, and the `RUS` under its
// region code, read surely as vanity text too, had taken its place. Taking
// any better fit swapped true vanity plates to loose foreign shapes
// (`NO014P` -> `NOO14P`, Swedish at 0.16; docs/recognition.md, stop 28).
inline constexpr double kOZeroSwapFit = 0.3;
inline constexpr std::size_t kMaxOZeroSwaps = 3;
Identification with_o_zero_resolved(Identification id, std::span<const std::string> hints,
                                    const PlateEvidence& evidence, std::size_t top_n);

// Whether `b`, one cut of a plate (a text row, the whole plate, its halves),
// should be reported instead of `a`, another cut's. A row cut short at the
// gap of an LT plate reads "SDZ" more confidently than the whole plate reads
// "SDZ127", and a doubled character lost in one cut is kept in another: when
// one reading is the other with characters missing (at its ends, or inside
// when the longer fits a plate format better), the longer wins unless it is
// much less confident (kLongerCutShare). Otherwise the more confident wins;
// so too where the longer is the shorter twice (both halves of a one-row
// plate read whole).
// An `I` added at the start completes a reading only where it fits a format
// better; an `HI` or `H` never does: they are what an old Hungarian plate's
// flag and rule read as, and `H` plus an old-series plate fits the 2022
// series (`HABQ062`). A reading with the flag in front (`H`, `HI`, or
// another letter and `I`, the flag misread and the rule) loses to the
// reading without it where that fits its format better, however sure it is
// (`HIGOD666` 0.947 and `RIGOD666` against `GOD666` 0.898, an old series
// plate; docs/recognition.md, stop 24). Where `strip_seen` there is no
// flag: an `H` in front is the plate's first letter (a Hungarian 2022
// `HW BM-610` read `WBM610` by its row; docs/recognition.md, stop 28).
bool better_cut(const Identification& b, const Identification& a, bool strip_seen = false);

// True for the member states of the EU (the countries whose plates carry the
// blue strip).
bool is_eu_country(std::string_view country);

// The strip's code names the country only among fits this close to the best
// one: it settles what the text leaves open (a personalised plate fits the
// Latvian vanity and the Lithuanian personalised shape alike) and never
// overrules a tight format (a Latvian standard `AB-1234` stays Latvian
// whatever the classifier makes of its strip, which it was never taught on
// real plates). Three, not two: the loose German shape fits a personalised
// text like `VFAY13` at 2.6 times the personalised shapes (a Latvian `AB-1`,
// the weakest standard fit, is still five times them).
inline constexpr double kStripDecidesWithin = 3.0;

// A hyphen looked for and not seen is evidence against the format that
// would print one, though the finder misses some (plate_hyphen.h): on the
// generated LV/LT crops it missed 66 of 215 printed hyphens and saw none of
// 277 where none is printed. Such a fit then counts this share of its
// validity in kStripDecidesWithin's comparison, where the strip is sure:
// a German `D H 766` with a sure `D` strip is no Latvian `DH-766`
// (docs/recognition.md, stop 25).
inline constexpr double kHyphenMissedShare = 0.31;

// Ranks `texts` and fills in the winner; the country is chosen as
// kStripDecidesWithin says. Empty text when nothing normalises to a plate.
// Throws anpr::plate::PlateError for an unknown hint.
Identification identify_plate(std::span<const TextCandidate> texts, std::span<const std::string> hints,
                              const PlateEvidence& strip, std::size_t top_n);

}  // namespace anpr::engine
