// OCR-tolerant plate matching, the comparison behind watchlists. A listed
// plate must still alert when the camera misread 8 for B, and an operator may
// list a partial plate with wildcards; but every allowance also raises false
// alerts, so each list entry states how much it tolerates and the matcher
// reports what it used, for the alert to show as a match distance.
//
// Costs are two separate counts, never mixed into one number: substitutions
// inside an OCR class (ocr_equivalence.h) and other edits (inserting,
// deleting or replacing one character). A match needs both counts within
// their limits.
#pragma once

#include <string_view>

namespace anpr::plate {

struct MatchTolerance {
  unsigned max_equivalent_substitutions = 0;
  unsigned max_other_edits = 0;
};

struct MatchResult {
  bool matched = false;
  // The alignment reported: fewest other edits, then fewest equivalent
  // substitutions among alignments within the tolerance. Both 0 when
  // matched is false.
  unsigned equivalent_substitutions = 0;
  unsigned other_edits = 0;
};

// Matches a normalised `pattern` against a normalised `text`. In the pattern
// '*' stands for any run of characters (including none) and '?' for exactly
// one, both free of cost; a '?' left without a character costs one other
// edit like any pattern character. An equivalent pair may also be counted as
// an other edit when that fits the tolerance better. A wildcard-free pattern
// equal to the text is decided without the edit-distance table.
MatchResult match(std::string_view pattern, std::string_view text, MatchTolerance tolerance);

}  // namespace anpr::plate
