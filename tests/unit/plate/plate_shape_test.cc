// The shape language the catalogue is written in: matching, the split it
// reports, and the errors a mistyped catalogue row produces.
#include "common/plate/plate_shape.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace anpr::plate
