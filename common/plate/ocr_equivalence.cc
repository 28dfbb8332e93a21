// OCR confusion classes; see ocr_equivalence.h. A 256-entry table built at
// compile time, because the canonical key is computed for every sighting
// and every watchlist entry.
#include "common/plate/ocr_equivalence.h"

#include <array>

namespace anpr::plate {
namespace {

constexpr std::array<char, 256> kClassOf = [] {
  std::array<char, 256> table{};
  for (std::size_t i = 0; i < table.size(); ++i) table[i] = static_cast<char>(i);
  constexpr std::string_view kMembers = "ODQIZSBG";
  constexpr std::string_view kRepresentatives = "00012586";
  for (std::size_t i = 0; i < kMembers.size(); ++i) {
    table[static_cast<unsigned char>(kMembers[i])] = kRepresentatives[i];
  }
  return table;
}();

}  // namespace

char ocr_class(char c) { return kClassOf[static_cast<unsigned char>(c)]; }

bool ocr_equivalent(char a, char b) { return ocr_class(a) == ocr_class(b); }

std::string ocr_canonical_key(std::string_view text) {
  std::string key(text);
  for (char& c : key) c = ocr_class(c);
  return key;
}

}  // namespace anpr::plate
