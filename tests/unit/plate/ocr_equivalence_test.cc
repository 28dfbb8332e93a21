// OCR confusion classes and the canonical key central indexes watchlists by.
#include "common/plate/ocr_equivalence.h"

#include <gtest/gtest.h>

#include "common/plate/plate_match.h"

namespace anpr::plate {
namespace {

TEST(OcrEquivalence, ClassesMapToTheirDigit) {
  EXPECT_EQ(ocr_canonical_key("ODQIZSBG"), "00012586");
  EXPECT_EQ(ocr_canonical_key("0125860"), "0125860");
  EXPECT_EQ(ocr_canonical_key("ACEFHJKLMNPRTUVWXY3479"), "ACEFHJKLMNPRTUVWXY3479");
  EXPECT_EQ(ocr_canonical_key(""), "");
}

TEST(OcrEquivalence, EquivalenceIsWithinAClassOnly) {
  EXPECT_TRUE(ocr_equivalent('B', '8'));
  EXPECT_TRUE(ocr_equivalent('D', 'Q'));
  EXPECT_TRUE(ocr_equivalent('A', 'A'));
  EXPECT_FALSE(ocr_equivalent('B', '0'));
  EXPECT_FALSE(ocr_equivalent('S', '6'));
  EXPECT_FALSE(ocr_equivalent('A', '4'));
}

TEST(OcrEquivalence, EqualKeysMeanMatchWithEquivalentSubstitutionsOnly) {
  const char* const texts[] = {"ABC123", "A8C123", "A8CIZ3", "ABC128", "AB0123", "ABO123", "ABQ123", "ABC12"};
  const MatchTolerance any_equivalents{100, 0};
  for (const char* a : texts) {
    for (const char* b : texts) {
      EXPECT_EQ(ocr_canonical_key(a) == ocr_canonical_key(b), match(a, b, any_equivalents).matched)
          << a << " vs " << b;
    }
  }
}

}  // namespace
}  // namespace anpr::plate
