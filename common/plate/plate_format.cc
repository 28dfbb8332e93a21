// The plate format table; see plate_format.h and docs/plate-formats.md for
// the sources and the choices made where a country's rules are ambiguous.
// Rows carry no evidence weight of their own: that follows from the shape
// (plate_specificity.h), so tightening a shape is what raises it.
#include "common/plate/plate_format.h"

#include <algorithm>
#include <limits>

namespace anpr::plate {
namespace {

constexpr std::string_view kAllLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// Latvia leaves out I, Q, W, X and Y on standard series.
constexpr std::string_view kLatvianLetters = "ABCDEFGHJKLMNOPRSTUVZ";
// Lithuania leaves out Q, W and X.
constexpr std::string_view kLithuanianLetters = "ABCDEFGHIJKLMNOPRSTUVYZ";
// Belarus and Ukraine use only the letters that have a Latin twin, so the
// plate reads the same in Cyrillic and Latin script.
constexpr std::string_view kLatinTwinLetters = "ABCEHIKMOPTX";
// Russia: the twelve Cyrillic letters with a Latin look-alike (no I).
constexpr std::string_view kRussianLetters = "ABCEHKMOPTXY";
// Poland: the letters after the area code leave out B, D, I, O and Z (too
// like 8, 0, 1, 0 and 2) and Q. The area code starts with its voivodeship's
// letter; its other letters may be any.
constexpr std::string_view kPolishLetters = "ACEFGHJKLMNPRSTUVWXY";
constexpr std::string_view kPolishArea = "[BCDEFGKLNOPRSTWZ][ABCDEFGHIJKLMNOPQRSTUVWXYZ]";
// Romania does not use Q.
constexpr std::string_view kRomanianLetters = "ABCDEFGHIJKLMNOPRSTUVWXYZ";
// Spain since 2000: consonants only, without Q (and Ñ, which normalised text
// cannot hold anyway), so that no series spells a word.
constexpr std::string_view kSpanishLetters = "BCDFGHJKLMNPRSTVWXYZ";
// Croatia: its own alphabet without the letters carrying diacritics, which
// have no normalised form; Q, W, X and Y are not Croatian letters.
constexpr std::string_view kCroatianLetters = "ABCDEFGHIJKLMNOPRSTUVZ";
// Great Britain leaves out I and Q (too like 1 and O).
constexpr std::string_view kBritishLetters = "ABCDEFGHJKLMNOPRSTUVWXYZ";
// The Netherlands since sidecode 4: no vowels, nor C, M, Q, W or Y.
constexpr std::string_view kDutchLetters = "BDFGHJKLNPRSTVXZ";
// France (SIV) leaves out I, O and U; Italy also Q.
constexpr std::string_view kFrenchLetters = "ABCDEFGHJKLMNPQRSTVWXYZ";
constexpr std::string_view kItalianLetters = "ABCDEFGHJKLMNPRSTVWXYZ";
// Sweden leaves out I, Q and V (and Å, Ä, Ö); the letter closing the 2019
// series is never O either.
constexpr std::string_view kSwedishLetters = "ABCDEFGHJKLMNOPRSTUWXYZ";
// Norway and Denmark leave out I, O and Q (and Æ, Ø, Å).
constexpr std::string_view kNordicLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

// Area codes, for the shapes' C class.
constexpr std::string_view kRomanianCounties =
    "AB AG AR BC BH BN BR BT BV BZ CJ CL CS CT CV DB DJ GJ GL GR HD HR IF IL IS MH MM MS NT OT PH SB SJ SM SV TL TM TR "
    "VL VN VS";
// Spanish provinces of the 1971-2000 series.
constexpr std::string_view kSpanishProvinces =
    "A AB AL AV B BA BI BU C CA CC CE CO CR CS CU GC GE GI GR GU H HU IB J L LE LO LU M MA ML MU NA O OR OU P PM PO S "
    "SA SE SG SO SS T TE TF TO V VA VI Z ZA";
// Croatian registration areas, diacritics dropped (Č -> C, Š -> S, Ž -> Z).
constexpr std::string_view kCroatianAreas =
    "BJ BM CK DA DE DJ DU GS IM KA KC KR KT KZ MA NA NG OG OS PS PU PZ RI SB SI SK SL ST VK VT VU VZ ZD ZG ZU";
constexpr std::string_view kSwissCantons =
    "AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH";

constexpr std::size_t kNoExtraLimit = std::numeric_limits<std::size_t>::max();

struct Row {
  std::string_view country;
  std::string_view name;
  std::string_view letters;
  std::string shape;
  std::string_view codes;
  std::size_t max_length;
  std::size_t min_letters;
  double weight;  // PlateFormat::weight: how common the series is
};

// A Polish shape: the area code, then `rest`.
std::string pl(std::string_view rest) { return std::string(kPolishArea) + std::string(rest); }

// Temporary Romanian plates name Bucharest (B) like the counties.
std::string_view romanian_areas() {
  static const std::string areas = "B " + std::string(kRomanianCounties);
  return areas;
}

std::vector<Row> rows() {
  return {
    {"LV", "standard", kLatvianLetters, "L{2}-ND{0,3}", {}, kNoExtraLimit, 0, 1.0},
    {"LV", "taxi", kAllLetters, "[T][EX]-ND{0,3}", {}, kNoExtraLimit, 0, 0.3},
    {"LV", "trailer", kLatvianLetters, "L-ND{0,3}", {}, kNoExtraLimit, 0, 0.1},
    {"LV", "vanity", kAllLetters, "A{2,8}", {}, kNoExtraLimit, 1, 1.0},
    {"LT", "standard", kLithuanianLetters, "L{3} D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"LT", "taxi", kAllLetters, "[T]D{5}", {}, kNoExtraLimit, 0, 0.3},
    {"LT", "motorcycle", kLithuanianLetters, "D{3} L{2}", {}, kNoExtraLimit, 0, 0.1},
    {"LT", "personalised", kAllLetters, "A{2,6}", {}, kNoExtraLimit, 1, 1.0},
    {"EE", "standard", kAllLetters, "D{3} L{3}", {}, kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area", kPolishLetters, pl(" D{5}"), {}, kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area, letter last", kPolishLetters, pl(" D{4}L"), {}, kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area, two letters last", kPolishLetters, pl(" D{3}L{2}"), {}, kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area, letter second", kPolishLetters, pl(" DLD{3}"), {}, kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area, letters second", kPolishLetters, pl(" DL{2}D{2}"), {}, kNoExtraLimit, 0, 1.0},
    {"PL", "three-letter area", kPolishLetters, pl("[ABCDEFGHIJKLMNOPQRSTUVWXYZ] A{4,5}"), {},
     kNoExtraLimit, 0, 1.0},
    {"BY", "standard", kLatinTwinLetters, "D{4} L{2}-[1234567]", {}, kNoExtraLimit, 0, 1.0},
    {"RU", "standard", kRussianLetters, "LD{3}L{2} D{2,3}", {}, kNoExtraLimit, 0, 1.0},
    {"FI", "standard", kAllLetters, "L{2,3}-ND{0,2}", {}, kNoExtraLimit, 0, 1.0},
    {"DE", "standard", kAllLetters, "L{2,5} ND{0,3}", {}, 8, 0, 1.0},
    {"DE", "electric or historic", kAllLetters, "L{2,5} ND{0,3}[EH]", {}, 9, 0, 0.5},
    {"UA", "standard", kLatinTwinLetters, "L{2} D{4} L{2}", {}, kNoExtraLimit, 0, 1.0},
    {"SK", "standard", kAllLetters, "L{2}-D{3}L{2}", {}, kNoExtraLimit, 0, 1.0},
    {"CZ", "standard", kAllLetters, "N[ABCEHJKLMPSTUZ]A D{4}", {}, kNoExtraLimit, 0, 1.0},
    {"SE", "standard", kSwedishLetters, "L{3} D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"SE", "2019 series", kSwedishLetters, "L{3} D{2}[ABCDEFGHJKLMNPRSTUWXYZ]", {}, kNoExtraLimit, 0, 1.0},
    {"NO", "standard", kNordicLetters, "L{2} ND{4}", {}, kNoExtraLimit, 0, 1.0},
    {"DK", "standard", kNordicLetters, "L{2} ND D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 7", kDutchLetters, "D{2}-L{3}-D", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 8", kDutchLetters, "D-L{3}-D{2}", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 9", kDutchLetters, "L{2}-D{3}-L", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 10", kDutchLetters, "L-D{3}-L{2}", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 11", kDutchLetters, "L{3}-D{2}-L", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 12", kDutchLetters, "L-D{2}-L{3}", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 13", kDutchLetters, "D-L{2}-D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 14", kDutchLetters, "D{3}-L{2}-D", {}, kNoExtraLimit, 0, 1.0},
    {"NL", "sidecode 4", kDutchLetters, "L{2}-D{2}-L{2}", {}, kNoExtraLimit, 0, 0.5},
    {"NL", "sidecode 5", kDutchLetters, "L{2}-L{2}-D{2}", {}, kNoExtraLimit, 0, 0.5},
    {"NL", "sidecode 6", kDutchLetters, "D{2}-L{2}-L{2}", {}, kNoExtraLimit, 0, 0.5},
    {"BE", "standard", kAllLetters, "N-L{3}-D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"FR", "standard", kFrenchLetters, "L{2}-D{3}-L{2}", {}, kNoExtraLimit, 0, 1.0},
    {"IT", "standard", kItalianLetters, "L{2} D{3} L{2}", {}, kNoExtraLimit, 0, 1.0},
    {"AT", "standard", kAllLetters, "L{1,2} ND{0,4}L{1,3}", {}, 8, 0, 1.0},
    {"CH", "standard", kAllLetters, "C ND{0,5}", kSwissCantons, kNoExtraLimit, 0, 1.0},
    {"GB", "standard", kBritishLetters, "L{2}D{2} L{3}", {}, kNoExtraLimit, 0, 1.0},
    {"RO", "county", kRomanianLetters, "C D{2} L{3}", kRomanianCounties, kNoExtraLimit, 0, 1.0},
    {"RO", "Bucharest", kRomanianLetters, "[B] D{2,3} L{3}", {}, kNoExtraLimit, 0, 1.0},
    {"RO", "temporary", kRomanianLetters, "C D{3,6}", romanian_areas(), kNoExtraLimit, 0, 0.5},
    {"HU", "standard", kAllLetters, "L{3}-D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"HU", "2022 series", kAllLetters, "L{2} L{2}-D{3}", {}, kNoExtraLimit, 0, 1.0},
    {"HR", "standard", kCroatianLetters, "C D{3,4}-L{1,2}", kCroatianAreas, kNoExtraLimit, 0, 1.0},
    {"ES", "current", kSpanishLetters, "D{4} L{3}", {}, kNoExtraLimit, 0, 1.0},
    {"ES", "provincial", kAllLetters, "C D{4} L{1,2}", kSpanishProvinces, kNoExtraLimit, 0, 0.5},
  };
}

std::vector<PlateFormat> build_catalogue() {
  std::vector<PlateFormat> catalogue;
  for (const Row& row : rows()) {
    catalogue.push_back({std::string(row.country), std::string(row.name), std::string(row.letters),
                         Shape(row.shape, row.letters, row.codes), row.max_length, row.min_letters, row.weight});
  }
  return catalogue;
}

}  // namespace

const std::vector<PlateFormat>& formats() {
  static const std::vector<PlateFormat> catalogue = build_catalogue();
  return catalogue;
}

const std::vector<std::string>& countries() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const PlateFormat& format : formats()) {
      if (std::find(out.begin(), out.end(), format.country) == out.end()) out.push_back(format.country);
    }
    return out;
  }();
  return codes;
}

std::vector<const PlateFormat*> formats_of(std::string_view country) {
  std::vector<const PlateFormat*> out;
  for (const PlateFormat& format : formats()) {
    if (format.country == country) out.push_back(&format);
  }
  return out;
}

std::optional<std::vector<ShapeSegment>> fit(const PlateFormat& format, std::string_view normalised) {
  if (normalised.size() > format.max_length) return std::nullopt;
  const auto letters = std::count_if(normalised.begin(), normalised.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (static_cast<std::size_t>(letters) < format.min_letters) return std::nullopt;
  return format.shape.match(normalised);
}

bool fits(const PlateFormat& format, std::string_view normalised) { return fit(format, normalised).has_value(); }

}  // namespace anpr::plate
