// Display strings per country, as operators and alerts show them.
#include "common/plate/plate_display.h"

#include <gtest/gtest.h>

namespace anpr::plate {
namespace {

struct Shown {
  const char* country;
  const char* text;
  const char* display;
};

class DisplayCase : public ::testing::TestWithParam<Shown> {};

TEST_P(DisplayCase, UsesTheCountrysSeparators) {
  const Shown& c = GetParam();
  EXPECT_EQ(display(c.text, c.country), c.display) << c.country;
}

INSTANTIATE_TEST_SUITE_P(
    Countries, DisplayCase,
    ::testing::Values(Shown{"LV", "AB1234", "AB-1234"}, Shown{"LV", "AB1", "AB-1"},
                      Shown{"LV", "COYOTE", "COYOTE"},  // vanity plates carry no separator
                      Shown{"LT", "ABC123", "ABC 123"}, Shown{"LV", "TX1234", "TX-1234"},
                      Shown{"LV", "B234", "B-234"}, Shown{"LT", "123AB", "123 AB"}, Shown{"LT", "T12345", "T12345"}, Shown{"EE", "123ABC", "123 ABC"},
                      Shown{"BY", "1234AB5", "1234 AB-5"}, Shown{"RU", "A123BC77", "A123BC 77"},
                      Shown{"RU", "A123BC777", "A123BC 777"}, Shown{"FI", "ABC123", "ABC-123"},
                      Shown{"DE", "BAB1234", "BAB 1234"},  // area code length unknown: letters unsplit
                      Shown{"DE", "BAB1234E", "BAB 1234E"}, Shown{"PL", "WA12345", "WA 12345"},
                      Shown{"PL", "WAB1234", "WAB 1234"}, Shown{"UA", "AA1234BB", "AA 1234 BB"},
                      Shown{"SK", "BA123AB", "BA-123AB"}, Shown{"CZ", "1A23456", "1A2 3456"},
                      Shown{"PL", "WA1234C", "WA 1234C"}, Shown{"PL", "KR1AC23", "KR 1AC23"},
                      Shown{"SE", "ABC123", "ABC 123"}, Shown{"SE", "ABC12D", "ABC 12D"},
                      Shown{"NO", "AB12345", "AB 12345"}, Shown{"DK", "AB12345", "AB 12 345"},
                      Shown{"NL", "12BDF3", "12-BDF-3"}, Shown{"NL", "1BDF23", "1-BDF-23"},
                      Shown{"NL", "BD123F", "BD-123-F"}, Shown{"NL", "B123DF", "B-123-DF"},
                      Shown{"NL", "BDF12G", "BDF-12-G"}, Shown{"NL", "B12DFG", "B-12-DFG"},
                      Shown{"NL", "1BD234", "1-BD-234"}, Shown{"NL", "123BD4", "123-BD-4"},
                      Shown{"NL", "BD12FG", "BD-12-FG"}, Shown{"NL", "BDFG12", "BD-FG-12"},
                      Shown{"NL", "12BDFG", "12-BD-FG"}, Shown{"BE", "1ABC123", "1-ABC-123"},
                      Shown{"FR", "AB123CD", "AB-123-CD"}, Shown{"IT", "AB123CD", "AB 123 CD"},
                      Shown{"AT", "GU123AB", "GU 123AB"}, Shown{"CH", "ZH123456", "ZH 123456"},
                      Shown{"GB", "AB12CDE", "AB12 CDE"}, Shown{"RO", "SB90TZI", "SB 90 TZI"},
                      Shown{"RO", "B21GSB", "B 21 GSB"}, Shown{"RO", "B172WAW", "B 172 WAW"},
                      Shown{"RO", "SB014882", "SB 014882"}, Shown{"HU", "ABC123", "ABC-123"},
                      Shown{"HU", "AAAA123", "AA AA-123"}, Shown{"HR", "ZG9757HG", "ZG 9757-HG"},
                      Shown{"HR", "ZG123A", "ZG 123-A"}, Shown{"ES", "1234BCD", "1234 BCD"},
                      Shown{"ES", "M1234AB", "M 1234 AB"}, Shown{"ES", "MA1234A", "MA 1234 A"}));

TEST(PlateDisplay, FallsBackToTheTextWhenNoFormatOfTheCountryFits) {
  EXPECT_EQ(display("AB0123", "LT"), "AB0123");
  EXPECT_EQ(display("AB1234", "XX"), "AB1234");
  EXPECT_EQ(display("", "LV"), "");
}

TEST(PlateDisplay, DisplayAsRefusesAFormatTheTextDoesNotFit) {
  const PlateFormat& lt = *formats_of("LT").front();
  EXPECT_EQ(display_as(lt, "ABC123"), "ABC 123");
  EXPECT_EQ(display_as(lt, "AB1234"), std::nullopt);
}

}  // namespace
}  // namespace anpr::plate
