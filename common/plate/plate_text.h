// Plate text normalisation: the one spelling (A-Z, 0-9) under which the edge
// reports a plate, central stores it and watchlists compare it. OCR engines
// and operators produce lower case, separators and, on Russian, Belarusian and
// Ukrainian plates, Cyrillic letters that look exactly like Latin ones; all of
// them must land on the same text, or a listed vehicle is missed because of
// how its plate happened to be typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace anpr::plate {

struct NormalisedText {
  // A-Z and 0-9 only ('*' and '?' too when it came from normalise_pattern).
  std::string text;
  // UTF-8 of every dropped character that is not a separator, in input
  // order; malformed UTF-8 shows up as U+FFFD. Empty when nothing was lost.
  std::string rejected;

  bool clean() const { return rejected.empty(); }
};

// Upper-cases ASCII letters, drops the separators ' ', '-', '.' and U+00B7,
// maps the Cyrillic look-alikes (upper and lower case) to their Latin letter
// and flags everything else in `rejected`. Input is UTF-8.
NormalisedText normalise(std::string_view utf8);

// As normalise, but keeps the watchlist wildcards '*' and '?'.
NormalisedText normalise_pattern(std::string_view utf8);

// normalise for input that must be right as given (watchlist imports, manual
// searches): throws PlateError quoting the input and the rejected characters.
std::string normalise_strict(std::string_view utf8);

// True when `text` is already in normalised form (A-Z, 0-9 only).
bool is_normalised(std::string_view text);

// The reverse mapping, for showing RU/BY/UA plates in their own script:
// letters become their Cyrillic look-alike, digits stay. nullopt when a letter
// has no look-alike, i.e. the plate cannot be written in Cyrillic.
std::optional<std::string> to_cyrillic(std::string_view normalised);

}  // namespace anpr::plate
