// The plate format table; see plate_format.h and docs/plate-formats.md for
// the sources and the choices made where a country's rules are ambiguous.
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

constexpr std::size_t kNoExtraLimit = std::numeric_limits<std::size_t>::max();

struct Row {
  std::string_view country;
  std::string_view name;
  std::string_view letters;
  std::string_view shape;
  std::size_t max_length;
  std::size_t min_letters;
  double weight;
};

constexpr Row kRows[] = {
    {"LV", "standard", kLatvianLetters, "L{2}-ND{0,3}", kNoExtraLimit, 0, 1.0},
    {"LV", "vanity", kAllLetters, "A{2,8}", kNoExtraLimit, 2, 0.3},
    {"LT", "standard", kLithuanianLetters, "L{3} D{3}", kNoExtraLimit, 0, 1.0},
    {"EE", "standard", kAllLetters, "D{3} L{3}", kNoExtraLimit, 0, 1.0},
    {"PL", "two-letter area", kAllLetters, "L{2} DA{4}", kNoExtraLimit, 0, 1.0},
    {"PL", "three-letter area", kAllLetters, "L{3} A{4,5}", kNoExtraLimit, 0, 0.8},
    {"BY", "standard", kLatinTwinLetters, "D{4} L{2}-[1234567]", kNoExtraLimit, 0, 1.0},
    {"RU", "standard", kRussianLetters, "LD{3}L{2} D{2,3}", kNoExtraLimit, 0, 1.0},
    {"FI", "standard", kAllLetters, "L{2,3}-ND{0,2}", kNoExtraLimit, 0, 1.0},
    {"DE", "standard", kAllLetters, "L{2,5} ND{0,3}", 8, 0, 0.9},
    {"DE", "electric or historic", kAllLetters, "L{2,5} ND{0,3}[EH]", 9, 0, 0.8},
    {"UA", "standard", kLatinTwinLetters, "L{2} D{4} L{2}", kNoExtraLimit, 0, 1.0},
    {"SK", "standard", kAllLetters, "L{2}-D{3}L{2}", kNoExtraLimit, 0, 1.0},
    {"CZ", "standard", kAllLetters, "N[ABCEHJKLMPSTUZ]A D{4}", kNoExtraLimit, 0, 1.0},
};

std::vector<PlateFormat> build_catalogue() {
  std::vector<PlateFormat> catalogue;
  for (const Row& row : kRows) {
    catalogue.push_back({std::string(row.country), std::string(row.name), std::string(row.letters),
                         Shape(row.shape, row.letters), row.max_length, row.min_letters, row.weight});
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
