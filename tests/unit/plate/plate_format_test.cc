// The format catalogue: every format accepts its real plates and rejects the
// near misses that OCR produces, with the country rules the issue names.
#include "common/plate/plate_format.h"

#include <gtest/gtest.h>

#include <set>

#include "common/plate/plate_text.h"

namespace anpr::plate {
namespace {

const PlateFormat& format_named(std::string_view country, std::string_view name) {
  for (const PlateFormat* format : formats_of(country)) {
    if (format->name == name) return *format;
  }
  throw std::logic_error("no format " + std::string(country) + "/" + std::string(name));
}

struct Case {
  const char* country;
  const char* name;
  const char* text;
  bool fits;
};

class FormatCase : public ::testing::TestWithParam<Case> {};

TEST_P(FormatCase, FitsOrNot) {
  const Case& c = GetParam();
  EXPECT_EQ(fits(format_named(c.country, c.name), c.text), c.fits) << c.country << "/" << c.name << " " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, FormatCase,
    ::testing::Values(
        Case{"LV", "standard", "AB1234", true}, Case{"LV", "standard", "AB1", true},
        Case{"LV", "standard", "ZZ909", true}, Case{"LV", "standard", "AB0123", false},  // leading zero
        Case{"LV", "standard", "AI1234", false},                                         // I is not used
        Case{"LV", "standard", "QW12", false}, Case{"LV", "standard", "AB12345", false},
        Case{"LV", "standard", "A1234", false}, Case{"LV", "standard", "AB", false},
        Case{"LV", "vanity", "COYOTE", true}, Case{"LV", "vanity", "XY", true},
        Case{"LV", "vanity", "WAX12345", true}, Case{"LV", "vanity", "COYOTE123", false},  // 9 characters
        Case{"LV", "vanity", "A1234567", false},                                            // one letter only
        Case{"LV", "vanity", "A", false},
        Case{"LT", "standard", "ABC123", true}, Case{"LT", "standard", "ZYI000", true},
        Case{"LT", "standard", "ABQ123", false}, Case{"LT", "standard", "WBC123", false},
        Case{"LT", "standard", "ABX123", false}, Case{"LT", "standard", "ABC12", false},
        Case{"LT", "standard", "ABC1234", false},
        Case{"EE", "standard", "123ABC", true}, Case{"EE", "standard", "123AB", false},
        Case{"EE", "standard", "ABC123", false},
        Case{"PL", "two-letter area", "WA12345", true}, Case{"PL", "two-letter area", "KR1AB23", true},
        Case{"PL", "two-letter area", "WAB1234", false}, Case{"PL", "two-letter area", "WA1234", false},
        Case{"PL", "three-letter area", "WAB1234", true}, Case{"PL", "three-letter area", "KRA12345", true},
        Case{"PL", "three-letter area", "WA12345", false}, Case{"PL", "three-letter area", "WAB123", false},
        Case{"BY", "standard", "1234AB5", true}, Case{"BY", "standard", "0001IX7", true},
        Case{"BY", "standard", "1234AD5", false},  // D is no Latin twin of a Cyrillic letter
        Case{"BY", "standard", "1234AB8", false},  // regions are 1-7
        Case{"BY", "standard", "123AB5", false},
        Case{"RU", "standard", "A123BC77", true}, Case{"RU", "standard", "Y777XX777", true},
        Case{"RU", "standard", "A123BC7", false}, Case{"RU", "standard", "D123BC77", false},
        Case{"RU", "standard", "I123BC77", false}, Case{"RU", "standard", "A123BC7777", false},
        Case{"FI", "standard", "ABC123", true}, Case{"FI", "standard", "AB1", true},
        Case{"FI", "standard", "ABC012", false}, Case{"FI", "standard", "ABC1234", false},
        Case{"DE", "standard", "BAB1234", true}, Case{"DE", "standard", "MUCAB12", true},
        Case{"DE", "standard", "HHX1", true}, Case{"DE", "standard", "MUCAB123", true},
        Case{"DE", "standard", "MUCAB1234", false},  // 9 characters
        Case{"DE", "standard", "B1234", false}, Case{"DE", "standard", "BAB0123", false},
        Case{"DE", "electric or historic", "BAB1234E", true}, Case{"DE", "electric or historic", "BAB123H", true},
        Case{"DE", "electric or historic", "BAB1234X", false},
        Case{"UA", "standard", "AA1234BB", true}, Case{"UA", "standard", "AA1234BD", false},
        Case{"UA", "standard", "AA123BB", false},
        Case{"SK", "standard", "BA123AB", true}, Case{"SK", "standard", "BA12AB", false},
        Case{"SK", "standard", "B1123AB", false},
        Case{"CZ", "standard", "1A23456", true}, Case{"CZ", "standard", "9ZZ0001", true},
        Case{"CZ", "standard", "0A23456", false}, Case{"CZ", "standard", "1D23456", false},  // no region D
        Case{"CZ", "standard", "1A2345", false}));

TEST(PlateFormat, CataloguesTheRequiredCountriesWithLatviaAndLithuaniaFirst) {
  const auto& all = countries();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[0], "LV");
  EXPECT_EQ(all[1], "LT");
  const std::set<std::string> present(all.begin(), all.end());
  for (const char* required : {"LV", "LT", "EE", "PL", "BY", "RU", "FI", "DE", "UA", "SK", "CZ"}) {
    EXPECT_TRUE(present.count(required)) << required;
  }
  EXPECT_EQ(present.size(), all.size()) << "countries() lists a country twice";
}

TEST(PlateFormat, EveryFormatHasASaneLetterSetAndWeight) {
  for (const PlateFormat& format : formats()) {
    EXPECT_TRUE(is_normalised(format.letters)) << format.country << "/" << format.name;
    EXPECT_GT(format.weight, 0.0) << format.country << "/" << format.name;
    EXPECT_LE(format.weight, 1.0) << format.country << "/" << format.name;
  }
}

TEST(PlateFormat, LetterSetsFollowTheCountryRules) {
  const std::string lv = format_named("LV", "standard").letters;
  for (const char c : std::string("IQWXY")) EXPECT_EQ(lv.find(c), std::string::npos) << c;
  const std::string lt = format_named("LT", "standard").letters;
  for (const char c : std::string("QWX")) EXPECT_EQ(lt.find(c), std::string::npos) << c;
  EXPECT_EQ(format_named("RU", "standard").letters, "ABCEHKMOPTXY");
  EXPECT_EQ(format_named("BY", "standard").letters.size(), 12u);
}

TEST(PlateFormat, UnknownCountryHasNoFormats) {
  EXPECT_TRUE(formats_of("XX").empty());
  EXPECT_TRUE(formats_of("").empty());
}

TEST(PlateFormat, CyrillicRussianInputFitsAfterNormalisation) {
  // "А123ВС 77" in Cyrillic as a Russian operator types it.
  const std::string typed = "\xD0\x90" "123" "\xD0\x92\xD0\xA1" " 77";
  EXPECT_TRUE(fits(format_named("RU", "standard"), normalise(typed).text));
}

TEST(PlateFormat, FitReturnsTheSegments) {
  const auto segments = fit(format_named("BY", "standard"), "1234AB5");
  ASSERT_TRUE(segments.has_value());
  ASSERT_EQ(segments->size(), 3u);
  EXPECT_EQ((*segments)[0].text, "1234");
  EXPECT_EQ((*segments)[1].separator, " ");
  EXPECT_EQ((*segments)[1].text, "AB");
  EXPECT_EQ((*segments)[2].separator, "-");
  EXPECT_EQ((*segments)[2].text, "5");
}

}  // namespace
}  // namespace anpr::plate
