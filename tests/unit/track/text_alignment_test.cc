// OCR-aware edit distance and alignment.
#include "edge/track/text_alignment.h"

#include <gtest/gtest.h>

namespace anpr::track {
namespace {

TEST(TextAlignment, DistanceIsNormalisedAndOcrAware) {
  EXPECT_DOUBLE_EQ(text_distance("MH8451", "MH8451"), 0.0);
  EXPECT_DOUBLE_EQ(text_distance("", ""), 0.0);
  EXPECT_DOUBLE_EQ(text_distance("MH8451", ""), 1.0);
  EXPECT_DOUBLE_EQ(text_distance("MH8451", "MHB451"), kEquivalentSubstitutionCost / 6);
  EXPECT_DOUBLE_EQ(text_distance("MH8451", "MH8457"), 1.0 / 6);
  EXPECT_DOUBLE_EQ(text_distance("MH8451", "H8451"), 1.0 / 6);
  EXPECT_DOUBLE_EQ(text_distance("KL5678", "ABC123"), 1.0);
  EXPECT_DOUBLE_EQ(text_distance("AB1234", "A81234"), text_distance("A81234", "AB1234"));
}

TEST(TextAlignment, AlignsAcrossALostCharacter) {
  const auto aligned = align_to("MH8451", "H8451");
  ASSERT_EQ(aligned.size(), 6u);
  EXPECT_FALSE(aligned[0]);
  for (std::size_t p = 1; p < 6; ++p) {
    ASSERT_TRUE(aligned[p]);
    EXPECT_EQ(*aligned[p], p - 1);
  }
}

TEST(TextAlignment, AlignsAcrossAnExtraCharacter) {
  // A bolt between the groups read as "I".
  const auto aligned = align_to("MH8451", "MHI8451");
  ASSERT_EQ(aligned.size(), 6u);
  EXPECT_EQ(aligned[0], 0u);
  EXPECT_EQ(aligned[1], 1u);
  EXPECT_EQ(aligned[2], 3u);
  EXPECT_EQ(aligned[5], 6u);
}

TEST(TextAlignment, EquivalentCharactersPairUp) {
  const auto aligned = align_to("AB1234", "A81234");
  for (std::size_t p = 0; p < 6; ++p) EXPECT_EQ(aligned[p], p);
}

}  // namespace
}  // namespace anpr::track
