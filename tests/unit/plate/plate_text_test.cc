// Normalisation: the one spelling every other part of the system compares,
// so case, separators and Cyrillic look-alikes must all collapse onto it and
// anything else must be reported, not silently kept.
#include "common/plate/plate_text.h"

#include <gtest/gtest.h>

#include "common/plate/plate_error.h"

namespace anpr::plate {
namespace {

TEST(PlateText, UpperCasesAndStripsSeparators) {
  EXPECT_EQ(normalise("ab-1234").text, "AB1234");
  EXPECT_EQ(normalise(" abc 123 ").text, "ABC123");
  EXPECT_EQ(normalise("1234 AB-5").text, "1234AB5");
  EXPECT_EQ(normalise("K.AB.12").text, "KAB12");
  EXPECT_EQ(normalise("AB\xC2\xB7" "12").text, "AB12");  // U+00B7 middle dot
  EXPECT_TRUE(normalise("ab-1234").clean());
}

TEST(PlateText, MapsCyrillicLookAlikesOfBothCases) {
  // "А123ВС 77" typed in Cyrillic, as a Russian operator would.
  EXPECT_EQ(normalise("\xD0\x90" "123" "\xD0\x92\xD0\xA1" " 77").text, "A123BC77");
  // Lower case: "а123вс".
  EXPECT_EQ(normalise("\xD0\xB0" "123" "\xD0\xB2\xD1\x81").text, "A123BC");
  // All twelve Russian look-alikes, upper then lower case.
  const std::string upper = "\xD0\x90\xD0\x92\xD0\x95\xD0\x9A\xD0\x9C\xD0\x9D\xD0\x9E\xD0\xA0\xD0\xA1\xD0\xA2\xD0\xA3\xD0\xA5";
  const std::string lower = "\xD0\xB0\xD0\xB2\xD0\xB5\xD0\xBA\xD0\xBC\xD0\xBD\xD0\xBE\xD1\x80\xD1\x81\xD1\x82\xD1\x83\xD1\x85";
  EXPECT_EQ(normalise(upper).text, "ABEKMHOPCTYX");
  EXPECT_EQ(normalise(lower).text, "ABEKMHOPCTYX");
  // Ukrainian/Belarusian I, both cases.
  EXPECT_EQ(normalise("\xD0\x86\xD1\x96").text, "II");
  EXPECT_TRUE(normalise(upper + lower).clean());
}

TEST(PlateText, FlagsCharactersOutsideThePlateAlphabet) {
  // Cyrillic Д has no Latin twin; '#' and 'Ä' cannot be on a plate.
  const NormalisedText result = normalise("A\xD0\x94" "B#1\xC3\x84");
  EXPECT_EQ(result.text, "AB1");
  EXPECT_EQ(result.rejected, "\xD0\x94#\xC3\x84");
  EXPECT_FALSE(result.clean());
}

TEST(PlateText, MalformedUtf8IsFlaggedPerByte) {
  // A lone continuation byte, a truncated two-byte sequence and an overlong '/'.
  const NormalisedText result = normalise("A\x80" "B\xD0" "C\xC0\xAF");
  EXPECT_EQ(result.text, "ABC");
  EXPECT_EQ(result.rejected, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(PlateText, EmptyAndSeparatorOnlyInputNormaliseToNothing) {
  EXPECT_EQ(normalise("").text, "");
  EXPECT_EQ(normalise(" - . ").text, "");
  EXPECT_TRUE(normalise(" - . ").clean());
}

TEST(PlateText, PatternsKeepWildcardsPlainTextDoesNot) {
  EXPECT_EQ(normalise_pattern("ab-12*").text, "AB12*");
  EXPECT_EQ(normalise_pattern("?b 1").text, "?B1");
  const NormalisedText plain = normalise("ab-12*");
  EXPECT_EQ(plain.text, "AB12");
  EXPECT_EQ(plain.rejected, "*");
}

TEST(PlateText, StrictNormalisationThrowsNamingInputAndCulprit) {
  EXPECT_EQ(normalise_strict("lt abc-123"), "LTABC123");
  try {
    normalise_strict("AB#12");
    FAIL() << "expected PlateError";
  } catch (const PlateError& error) {
    EXPECT_NE(std::string(error.what()).find("'AB#12'"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'#'"), std::string::npos) << error.what();
  }
}

TEST(PlateText, IsNormalisedAcceptsOnlyUpperLettersAndDigits) {
  EXPECT_TRUE(is_normalised("AB1234"));
  EXPECT_TRUE(is_normalised(""));
  EXPECT_FALSE(is_normalised("ab1234"));
  EXPECT_FALSE(is_normalised("AB-1234"));
  EXPECT_FALSE(is_normalised("AB*"));
}

TEST(PlateText, ToCyrillicRoundTripsThroughNormalise) {
  const auto cyrillic = to_cyrillic("A123BC77");
  ASSERT_TRUE(cyrillic.has_value());
  EXPECT_EQ(*cyrillic, "\xD0\x90" "123" "\xD0\x92\xD0\xA1" "77");
  EXPECT_EQ(normalise(*cyrillic).text, "A123BC77");
  EXPECT_EQ(to_cyrillic("1234AI5"), "1234\xD0\x90\xD0\x86" "5");
  EXPECT_EQ(to_cyrillic("AB1234D"), std::nullopt);  // D has no Cyrillic twin
}

}  // namespace
}  // namespace anpr::plate
