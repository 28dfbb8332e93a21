// The watchlist matcher: OCR-equivalent substitutions and other edits are
// counted separately against their own limits; wildcards cost nothing.
#include "common/plate/plate_match.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <set>
#include <utility>

#include "common/plate/ocr_equivalence.h"

namespace anpr::plate {
namespace {

void expect_match(std::string_view pattern, std::string_view text, MatchTolerance tolerance, unsigned equivalents,
                  unsigned others) {
  const MatchResult result = match(pattern, text, tolerance);
  EXPECT_TRUE(result.matched) << pattern << " vs " << text;
  EXPECT_EQ(result.equivalent_substitutions, equivalents) << pattern << " vs " << text;
  EXPECT_EQ(result.other_edits, others) << pattern << " vs " << text;
}

void expect_no_match(std::string_view pattern, std::string_view text, MatchTolerance tolerance) {
  const MatchResult result = match(pattern, text, tolerance);
  EXPECT_FALSE(result.matched) << pattern << " vs " << text;
  EXPECT_EQ(result.equivalent_substitutions, 0u);
  EXPECT_EQ(result.other_edits, 0u);
}

TEST(PlateMatch, TheIssueExample) {
  expect_match("ABC123", "A8C123", {1, 0}, 1, 0);
  expect_no_match("ABC123", "A8CIZ3", {1, 0});  // three equivalents needed
  expect_match("ABC123", "A8CIZ3", {3, 0}, 3, 0);
}

TEST(PlateMatch, ExactMatchNeedsNoTolerance) {
  expect_match("AB1234", "AB1234", {0, 0}, 0, 0);
  expect_no_match("AB1234", "AB1235", {0, 0});
  expect_no_match("AB1234", "A81234", {0, 0});
}

TEST(PlateMatch, OtherEditsCountInsertsDeletesAndReplacements) {
  expect_match("ABC123", "ABC1234", {0, 1}, 0, 1);  // extra character read
  expect_match("ABC123", "AB123", {0, 1}, 0, 1);    // character missed
  expect_match("ABC123", "ABX123", {0, 1}, 0, 1);   // unrelated misread
  expect_no_match("ABC123", "ABX12", {0, 1});
  expect_match("ABC123", "ABX12", {0, 2}, 0, 2);
  expect_no_match("ABC123", "XYZ123", {0, 2});
  expect_match("ABC123", "XYZ123", {0, 3}, 0, 3);
}

TEST(PlateMatch, EquivalentsCannotPayForUnrelatedMisreads) {
  expect_no_match("ABC123", "AXC123", {5, 0});
}

TEST(PlateMatch, TheTwoLimitsTradeOffWhenAnEquivalentIsCountedAsAnEdit) {
  // B->8, 1->I, 2->Z: one equivalent allowed, the other two paid as edits.
  expect_match("ABC123", "A8CIZ3", {1, 2}, 1, 2);
  expect_no_match("ABC123", "A8CIZ3", {1, 1});
  expect_match("ABC123", "A8CIZ3", {0, 3}, 0, 3);
}

TEST(PlateMatch, ReportsFewestOtherEditsThenFewestEquivalents) {
  expect_match("ABC123", "A8C123", {1, 1}, 1, 0);
  expect_match("ABC123", "A8C123", {0, 1}, 0, 1);
  expect_match("ABC123", "A8C1234", {2, 2}, 1, 1);
}

TEST(PlateMatch, StarMatchesAnyRunIncludingNone) {
  expect_match("AB*", "AB1234", {0, 0}, 0, 0);
  expect_match("AB*", "AB", {0, 0}, 0, 0);
  expect_match("*123", "XYZ123", {0, 0}, 0, 0);
  expect_match("A*3", "ABC123", {0, 0}, 0, 0);
  expect_match("*", "", {0, 0}, 0, 0);
  expect_match("**", "ABC", {0, 0}, 0, 0);
  expect_no_match("AB*", "A1234", {0, 0});
  expect_match("AB*", "A81234", {1, 0}, 1, 0);  // wildcards combine with equivalents
  expect_match("AB*9", "XAB1", {0, 2}, 0, 2);   // and with edits: drop X, 1 -> 9
}

TEST(PlateMatch, QuestionMarkMatchesExactlyOne) {
  expect_match("A?C123", "AXC123", {0, 0}, 0, 0);
  expect_no_match("A?C123", "AC123", {0, 0});
  expect_match("A?C123", "AC123", {0, 1}, 0, 1);  // a '?' without a character costs an edit
  expect_no_match("AB?", "AB12", {0, 0});
  expect_match("???", "XYZ", {0, 0}, 0, 0);
}

TEST(PlateMatch, EmptyStrings) {
  expect_match("", "", {0, 0}, 0, 0);
  expect_no_match("", "AB", {0, 1});
  expect_match("", "AB", {0, 2}, 0, 2);
  expect_no_match("AB", "", {3, 1});
  expect_match("AB", "", {0, 2}, 0, 2);
}

TEST(PlateMatch, HugeTolerancesAreSafe) {
  const unsigned huge = std::numeric_limits<unsigned>::max();
  expect_match("ABC123", "A8CIZ3", {huge, huge}, 3, 0);
  expect_match("AB", "XYZW", {huge, huge}, 0, 4);
}

TEST(PlateMatch, LengthGapBeyondTheEditLimitFailsWithoutWildcards) {
  expect_no_match("AB1234", "AB12345678", {10, 3});
  expect_match("AB1234*", "AB12345678", {0, 0}, 0, 0);
}


// Every (equivalents, other edits) pair some alignment of pattern[i..) with
// text[j..) costs, by trying all alignments: slow, obviously right.
std::set<std::pair<unsigned, unsigned>> all_costs(std::string_view p, std::string_view t) {
  std::set<std::pair<unsigned, unsigned>> out;
  const auto add = [&](std::string_view p2, std::string_view t2, unsigned de, unsigned dother) {
    for (const auto& [e, o] : all_costs(p2, t2)) out.insert({e + de, o + dother});
  };
  if (p.empty()) {
    out.insert({0, static_cast<unsigned>(t.size())});
    return out;
  }
  if (p[0] == '*') {
    for (std::size_t k = 0; k <= t.size(); ++k) add(p.substr(1), t.substr(k), 0, 0);
    return out;
  }
  add(p.substr(1), t, 0, 1);
  if (t.empty()) return out;
  add(p, t.substr(1), 0, 1);
  if (p[0] == '?' || p[0] == t[0]) {
    add(p.substr(1), t.substr(1), 0, 0);
  } else {
    add(p.substr(1), t.substr(1), 0, 1);
    if (ocr_equivalent(p[0], t[0])) add(p.substr(1), t.substr(1), 1, 0);
  }
  return out;
}

TEST(PlateMatch, AgreesWithExhaustiveSearchOnSmallInputs) {
  std::mt19937 random(20240611);
  const std::string pattern_chars = "AB8O0X*?";
  const std::string text_chars = "AB8O0X";
  const auto random_string = [&](const std::string& alphabet) {
    std::string out(random() % 6, ' ');
    for (char& c : out) c = alphabet[random() % alphabet.size()];
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string pattern = random_string(pattern_chars);
    const std::string text = random_string(text_chars);
    const MatchTolerance tolerance{static_cast<unsigned>(random() % 3), static_cast<unsigned>(random() % 4)};
    MatchResult expected;
    for (const auto& [e, o] : all_costs(pattern, text)) {
      if (e > tolerance.max_equivalent_substitutions || o > tolerance.max_other_edits) continue;
      if (!expected.matched || o < expected.other_edits ||
          (o == expected.other_edits && e < expected.equivalent_substitutions)) {
        expected = {true, e, o};
      }
    }
    const MatchResult actual = match(pattern, text, tolerance);
    ASSERT_EQ(actual.matched, expected.matched) << "'" << pattern << "' vs '" << text << "'";
    ASSERT_EQ(actual.equivalent_substitutions, expected.equivalent_substitutions) << pattern << " vs " << text;
    ASSERT_EQ(actual.other_edits, expected.other_edits) << pattern << " vs " << text;
  }
}

}  // namespace
}  // namespace anpr::plate
