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
                      Shown{"LT", "ABC123", "ABC 123"}, Shown{"EE", "123ABC", "123 ABC"},
                      Shown{"BY", "1234AB5", "1234 AB-5"}, Shown{"RU", "A123BC77", "A123BC 77"},
                      Shown{"RU", "A123BC777", "A123BC 777"}, Shown{"FI", "ABC123", "ABC-123"},
                      Shown{"DE", "BAB1234", "BAB 1234"},  // area code length unknown: letters unsplit
                      Shown{"DE", "BAB1234E", "BAB 1234E"}, Shown{"PL", "WA12345", "WA 12345"},
                      Shown{"PL", "WAB1234", "WAB 1234"}, Shown{"UA", "AA1234BB", "AA 1234 BB"},
                      Shown{"SK", "BA123AB", "BA-123AB"}, Shown{"CZ", "1A23456", "1A2 3456"}));

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
