// Characters an OCR engine confuses on plates because the plate fonts draw
// them almost alike: 0/O/D/Q, 1/I, 2/Z, 5/S, 8/B, 6/G. Watchlist matching
// treats a swap inside one class as cheaper than any other misread, and the
// canonical key (every character replaced by its class representative) lets
// central index a million listed plates so that all OCR-equivalent spellings
// of a read fall on one key and are found with a single lookup.
#pragma once

#include <string>
#include <string_view>

namespace anpr::plate {

// The representative of c's class (always the digit: O, D, Q -> '0', I -> '1',
// Z -> '2', S -> '5', B -> '8', G -> '6'); c itself for every other character.
char ocr_class(char c);

// True when a and b are in the same class, including a == b.
bool ocr_equivalent(char a, char b);

// `text` with every character replaced by ocr_class. Two wildcard-free
// normalised texts have the same key exactly when match() accepts them with
// unlimited equivalent substitutions and no other edits.
std::string ocr_canonical_key(std::string_view text);

}  // namespace anpr::plate
