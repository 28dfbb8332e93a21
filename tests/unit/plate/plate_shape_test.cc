// The shape language the catalogue is written in: matching, the split it
// reports, and the errors a mistyped catalogue row produces.
#include "common/plate/plate_shape.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/plate/plate_error.h"

namespace anpr::plate {
namespace {

std::string joined(const Shape& shape, std::string_view text) {
  const auto segments = shape.match(text);
  if (!segments) return "<no match>";
  std::string out;
  for (const ShapeSegment& s : *segments) out += "[" + std::string(s.separator) + "|" + std::string(s.text) + "]";
  return out;
}

TEST(PlateShape, ClassesAndRepeats) {
  const Shape shape("L{2}-ND{0,3}", "AB");
  EXPECT_EQ(joined(shape, "AB1"), "[|AB][-|1][|]");
  EXPECT_EQ(joined(shape, "BA9000"), "[|BA][-|9][|000]");
  EXPECT_EQ(joined(shape, "AC1"), "<no match>");  // C is not in the letter set
  EXPECT_EQ(joined(shape, "AB01"), "<no match>");
  EXPECT_EQ(joined(shape, ""), "<no match>");
}

TEST(PlateShape, ExplicitSetsAndAlphanumerics) {
  const Shape shape("[XY]A{2}", "K");
  EXPECT_EQ(joined(shape, "XK7"), "[|X][|K7]");
  EXPECT_EQ(joined(shape, "ZK7"), "<no match>");
  EXPECT_EQ(joined(shape, "XA7"), "<no match>");
}

TEST(PlateShape, VariableClassesBacktrackToLetTheRestFit) {
  // A{1,3} first takes all of "A12" and must give back two digits for D{2}.
  const Shape shape("A{1,3} D{2}", "AB");
  EXPECT_EQ(joined(shape, "A12"), "[|A][ |12]");
  EXPECT_EQ(joined(shape, "AB123"), "[|AB1][ |23]");
  EXPECT_EQ(joined(shape, "1"), "<no match>");
}

TEST(PlateShape, CodesMatchWholeAndLongestFirst) {
  const Shape shape("C D{2}", "AB", "B BA SB");
  EXPECT_EQ(joined(shape, "SB12"), "[|SB][ |12]");
  EXPECT_EQ(joined(shape, "BA12"), "[|BA][ |12]");  // BA, not B followed by A
  EXPECT_EQ(joined(shape, "B12"), "[|B][ |12]");
  EXPECT_EQ(joined(shape, "S12"), "<no match>");    // half a code
  EXPECT_EQ(joined(shape, "AB12"), "<no match>");   // letters of codes, but no code
}

TEST(PlateShape, CodesBacktrackToAShorterCode) {
  // BA is tried first and leaves "1" for D{2}; only B lets the rest fit.
  const Shape shape("CL D{2}", "A", "B BA");
  EXPECT_EQ(joined(shape, "BA12"), "[|B][|A][ |12]");
}

TEST(PlateShape, LongestIsTheMostAFittingTextCanHave) {
  EXPECT_EQ(Shape("L{2}-ND{0,3}", "AB").longest(), 6u);
  EXPECT_EQ(Shape("C D{3,6}", "", "B SB").longest(), 8u);
}

// The number of `length`-character texts over A-Z, 0-9 that `shape` fits,
// by trying them all.
double brute_count(const Shape& shape, std::size_t length) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string text(length, 'A');
  std::vector<std::size_t> digit(length, 0);
  double fits = 0;
  while (true) {
    for (std::size_t i = 0; i < length; ++i) text[i] = alphabet[digit[i]];
    if (shape.match(text)) ++fits;
    std::size_t i = 0;
    while (i < length && ++digit[i] == alphabet.size()) digit[i++] = 0;
    if (i == length) return fits;
  }
}

TEST(PlateShape, CountIsExactWhenEveryTextSplitsOneWay) {
  const Shape shapes[] = {Shape("L{2}-ND{0,3}", "ABC"), Shape("[XY]A{1,2}", "K"), Shape("C D{1,2}", "", "B BA SB"),
                          Shape("D{0,2}L", "ABCDEF")};
  for (const Shape& shape : shapes) {
    for (std::size_t n = 0; n <= 3; ++n) {
      EXPECT_EQ(shape.count(n), brute_count(shape, n)) << shape.pattern() << " " << n;
    }
  }
}

TEST(PlateShape, CountIsAnUpperBoundWhenSplitsAreAmbiguous) {
  // A takes digits too, so "A12" splits as A|12 and as A1|2: counted twice.
  const Shape ambiguous("A{1,3}D{1,2}", "AB");
  EXPECT_EQ(ambiguous.count(2), brute_count(ambiguous, 2));  // one split only
  EXPECT_GT(ambiguous.count(3), brute_count(ambiguous, 3));
  EXPECT_EQ(ambiguous.count(9), 0.0);  // longer than the shape allows
}

TEST(PlateShape, MistypedPatternsThrowNamingPatternAndPosition) {
  const char* const bad[] = {"",      "-L",      "L-",     "L{",    "L{2",   "L{3,1}", "L{0}",
                             "L{,2}", "X",       "[AB",    "[]",    "[a]",   "L}"};
  for (const char* pattern : bad) {
    try {
      Shape shape(pattern, "AB");
      ADD_FAILURE() << "accepted '" << pattern << "'";
    } catch (const PlateError& error) {
      EXPECT_NE(std::string(error.what()).find("'" + std::string(pattern) + "'"), std::string::npos) << error.what();
    }
  }
  EXPECT_THROW(Shape("L", "Ab"), PlateError);
}

TEST(PlateShape, BadCodeUseOrListsThrowNamingThePattern) {
  const char* const bad_with_codes[] = {"C{2}", "C{1,2}"};
  for (const char* pattern : bad_with_codes) {
    try {
      Shape shape(pattern, "AB", "ZG ST");
      ADD_FAILURE() << "accepted '" << pattern << "'";
    } catch (const PlateError& error) {
      EXPECT_NE(std::string(error.what()).find("'" + std::string(pattern) + "'"), std::string::npos) << error.what();
    }
  }
  EXPECT_THROW(Shape("C D", "AB"), PlateError);  // C without codes
  for (const char* codes : {"ZG  ST", " ZG", "ZG ", "zg", "Z-G"}) {
    try {
      Shape shape("C D", "AB", codes);
      ADD_FAILURE() << "accepted codes '" << codes << "'";
    } catch (const PlateError& error) {
      EXPECT_NE(std::string(error.what()).find("'" + std::string(codes) + "'"), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace anpr::plate
