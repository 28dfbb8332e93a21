// Edit distance between two plate reads that knows how OCR fails: swapping a
// character for one it is commonly confused with (8/B, 0/O, ...; see
// common/plate/ocr_equivalence.h) costs less than any other edit. The tracker
// uses the distance to decide whether a read belongs to a track, the voter
// uses the alignment to line up reads of different length character by
// character.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace anpr::track {

// Cost of replacing a character by an OCR-equivalent one; inserting,
// deleting or replacing by anything else costs 1. Low enough that two reads
// differing only by such swaps stay close, not 0 so that the alignment still
// prefers an exact match when it has the choice.
inline constexpr double kEquivalentSubstitutionCost = 0.3;

// The weighted edit distance divided by the longer length: 0 for equal texts,
// 1 for texts that share nothing (and for one empty, one not). 0 for two
// empty texts.
double text_distance(std::string_view a, std::string_view b);

// For every position of `reference`, the position of `text` aligned with it
// by a cheapest edit script, or nullopt where the script deletes the
// reference character. Characters of `text` the script inserts map nowhere.
std::vector<std::optional<std::size_t>> align_to(std::string_view reference, std::string_view text);

}  // namespace anpr::track
