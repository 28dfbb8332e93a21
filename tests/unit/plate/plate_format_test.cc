// The format catalogue: every format accepts its real plates and rejects the
// near misses that OCR produces, with the country rules the issue names.
#include "common/plate/plate_format.h"

#include <gtest/gtest.h>

#include <set>

#include "common/plate/plate_text.h"
#include "tests/unit/plate/plate_test_support.h"

namespace anpr::plate {
namespace {

using testing::format_named;

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
        Case{"LV", "vanity", "A1234567", true}, Case{"LV", "vanity", "1234567", false},     // digits only
        Case{"LV", "vanity", "A", false},
        Case{"LV", "taxi", "TX1234", true}, Case{"LV", "taxi", "TE7", true},
        Case{"LV", "taxi", "TA1234", false}, Case{"LV", "taxi", "TX0123", false},
        Case{"LV", "trailer", "B234", true}, Case{"LV", "trailer", "B0234", false},
        Case{"LV", "trailer", "Q234", false},
        Case{"LT", "taxi", "T12345", true}, Case{"LT", "taxi", "T1234", false}, Case{"LT", "taxi", "A12345", false},
        Case{"LT", "motorcycle", "123AB", true}, Case{"LT", "motorcycle", "123ABC", false},
        Case{"LT", "motorcycle", "123QB", false},
        Case{"LT", "personalised", "RD", true}, Case{"LT", "personalised", "M6Z7EJ", true},
        Case{"LT", "personalised", "ABCDEFG", false}, Case{"LT", "personalised", "123456", false},
        Case{"LT", "standard", "ABC123", true}, Case{"LT", "standard", "ZYI000", true},
        Case{"LT", "standard", "ABQ123", false}, Case{"LT", "standard", "WBC123", false},
        Case{"LT", "standard", "ABX123", false}, Case{"LT", "standard", "ABC12", false},
        Case{"LT", "standard", "ABC1234", false},
        Case{"EE", "standard", "123ABC", true}, Case{"EE", "standard", "123AB", false},
        Case{"EE", "standard", "ABC123", false},
        Case{"PL", "two-letter area", "WA12345", true}, Case{"PL", "two-letter area", "WAB1234", false},
        Case{"PL", "two-letter area", "WA1234", false},
        Case{"PL", "two-letter area", "AA12345", false},  // A is no voivodeship
        Case{"PL", "two-letter area, letter last", "WA1234C", true},
        Case{"PL", "two-letter area, two letters last", "WA123CE", true},
        Case{"PL", "two-letter area, letter second", "WA1C234", true},
        Case{"PL", "two-letter area, letters second", "KR1AC23", true},
        Case{"PL", "two-letter area, letters second", "KR1AB23", false},  // no B after the area code
        Case{"PL", "two-letter area, letter last", "WA1234O", false},       // nor O
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
        Case{"CZ", "standard", "1A2345", false},
        Case{"SE", "standard", "ABC123", true}, Case{"SE", "standard", "AIC123", false},  // no I
        Case{"SE", "2019 series", "ABC12D", true}, Case{"SE", "2019 series", "ABC12O", false},
        Case{"SE", "2019 series", "ABC123", false},
        Case{"NO", "standard", "AB12345", true}, Case{"NO", "standard", "AB02345", false},
        Case{"NO", "standard", "AO12345", false}, Case{"NO", "standard", "AB1234", false},
        Case{"DK", "standard", "AB12345", true}, Case{"DK", "standard", "AI12345", false},
        Case{"DK", "standard", "AB123456", false},
        Case{"NL", "sidecode 7", "12BDF3", true}, Case{"NL", "sidecode 7", "12ABC3", false},  // no vowels, no C
        Case{"NL", "sidecode 8", "1BDF23", true}, Case{"NL", "sidecode 9", "BD123F", true},
        Case{"NL", "sidecode 10", "B123DF", true}, Case{"NL", "sidecode 11", "BDF12G", true},
        Case{"NL", "sidecode 12", "B12DFG", true}, Case{"NL", "sidecode 13", "1BD234", true},
        Case{"NL", "sidecode 14", "123BD4", true}, Case{"NL", "sidecode 4", "BD12FG", true},
        Case{"NL", "sidecode 5", "BDFG12", true}, Case{"NL", "sidecode 6", "12BDFG", true},
        Case{"NL", "sidecode 9", "BD1234", false}, Case{"NL", "sidecode 12", "B12DFM", false},  // no M
        Case{"BE", "standard", "1ABC123", true}, Case{"BE", "standard", "0ABC123", false},
        Case{"BE", "standard", "1AB123", false},
        Case{"FR", "standard", "AB123CD", true}, Case{"FR", "standard", "AB123CQ", true},
        Case{"FR", "standard", "AO123CD", false}, Case{"FR", "standard", "AB12CD", false},
        Case{"IT", "standard", "AB123CD", true}, Case{"IT", "standard", "AB123CQ", false},
        Case{"IT", "standard", "AU123CD", false},
        Case{"AT", "standard", "GU123AB", true}, Case{"AT", "standard", "W12345A", true},
        Case{"AT", "standard", "W0123A", false}, Case{"AT", "standard", "W12345", false},
        Case{"AT", "standard", "GU1234ABC", false},  // 9 characters
        Case{"CH", "standard", "ZH123456", true}, Case{"CH", "standard", "AI1", true},
        Case{"CH", "standard", "ZZ123", false},  // no canton ZZ
        Case{"CH", "standard", "ZH0123", false}, Case{"CH", "standard", "ZH1234567", false},
        Case{"GB", "standard", "AB12CDE", true}, Case{"GB", "standard", "AI12CDE", false},
        Case{"GB", "standard", "AB1CDE", false},
        Case{"RO", "county", "SB90TZI", true}, Case{"RO", "county", "BR07AAC", true},
        Case{"RO", "county", "XX90TZI", false},  // no county XX
        Case{"RO", "county", "SB901TZI", false}, Case{"RO", "county", "SB90TZQ", false},
        Case{"RO", "Bucharest", "B21GSB", true}, Case{"RO", "Bucharest", "B172WAW", true},
        Case{"RO", "Bucharest", "B1GSB", false}, Case{"RO", "Bucharest", "B1234GSB", false},
        Case{"RO", "Bucharest", "SB21GSB", false},
        Case{"RO", "temporary", "SB014882", true}, Case{"RO", "temporary", "B089414", true},
        Case{"RO", "temporary", "SB12", false}, Case{"RO", "temporary", "XX1234", false},
        Case{"HU", "standard", "ABC123", true}, Case{"HU", "standard", "AB123", false},
        Case{"HU", "2022 series", "AAAA123", true}, Case{"HU", "2022 series", "AAA123", false},
        Case{"HR", "standard", "ZG9757HG", true}, Case{"HR", "standard", "ZG123A", true},
        Case{"HR", "standard", "DU912JT", true}, Case{"HR", "standard", "XX1234AB", false},
        Case{"HR", "standard", "ZG12AB", false}, Case{"HR", "standard", "ZG1234QW", false},
        Case{"ES", "current", "1234BCD", true}, Case{"ES", "current", "1234BCA", false},  // no vowels
        Case{"ES", "current", "1234BCQ", false}, Case{"ES", "current", "123BCD", false},
        Case{"ES", "provincial", "M1234AB", true}, Case{"ES", "provincial", "MA1234A", true},
        Case{"ES", "provincial", "X1234AB", false},  // no province X
        Case{"ES", "provincial", "M123AB", false}));

TEST(PlateFormat, CataloguesTheRequiredCountriesWithLatviaAndLithuaniaFirst) {
  const auto& all = countries();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[0], "LV");
  EXPECT_EQ(all[1], "LT");
  const std::set<std::string> present(all.begin(), all.end());
  for (const char* required : {"LV", "LT", "EE", "PL", "BY", "RU", "FI", "DE", "UA", "SK", "CZ", "RO", "ES", "HU",
                               "HR", "GB", "NL", "BE", "FR", "IT", "AT", "CH", "SE", "NO", "DK"}) {
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
  const std::string es = format_named("ES", "current").letters;
  for (const char c : std::string("AEIOUQ")) EXPECT_EQ(es.find(c), std::string::npos) << c;
  EXPECT_EQ(es.size(), 20u);
  const std::string pl = format_named("PL", "two-letter area, letter last").letters;
  for (const char c : std::string("BDIOZ")) EXPECT_EQ(pl.find(c), std::string::npos) << c;
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
