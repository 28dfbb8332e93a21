// Shape specificity: the bits a fit is worth follow from the shape and the
// read's length, and turn into the weight the ranking multiplies by.
#include "common/plate/plate_specificity.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/unit/plate/plate_test_support.h"

namespace anpr::plate {
namespace {

using testing::format_named;

TEST(PlateSpecificity, BitsAreTheNegatedLogShareOfRandomTextsThatFit) {
  // Lithuania: 23 letters three times, then three digits, out of 36^6.
  EXPECT_NEAR(specificity_bits(format_named("LT", "standard").shape, 6),
              6 * std::log2(36.0) - std::log2(23.0 * 23 * 23 * 1000), 1e-9);
  // A Romanian county: 41 codes, two digits, three of 25 letters.
  EXPECT_NEAR(specificity_bits(format_named("RO", "county").shape, 7),
              7 * std::log2(36.0) - std::log2(41.0 * 100 * 25 * 25 * 25), 1e-9);
  // Anything of its length fits a vanity shape: no evidence at all.
  EXPECT_NEAR(specificity_bits(format_named("LV", "vanity").shape, 6), 0.0, 1e-9);
  EXPECT_EQ(specificity_bits(format_named("LT", "standard").shape, 5), 0.0);  // nothing of 5 fits
}

TEST(PlateSpecificity, EvidenceGrowsWithTheBitsUpToFull) {
  EXPECT_EQ(evidence_weight(0.0), 0.0);
  EXPECT_DOUBLE_EQ(evidence_weight(kFullEvidenceBits / 2), 0.5);
  EXPECT_EQ(evidence_weight(kFullEvidenceBits), 1.0);
  EXPECT_EQ(evidence_weight(3 * kFullEvidenceBits), 1.0);
}

TEST(PlateSpecificity, FitWeightDependsOnTheReadsLength) {
  const PlateFormat& lv = format_named("LV", "standard");
  EXPECT_LT(fit_weight(lv, 3), fit_weight(lv, 4));
  EXPECT_LT(fit_weight(lv, 4), fit_weight(lv, 6));
  EXPECT_EQ(fit_weight(lv, 7), 0.0);  // longer than the shape allows
  EXPECT_EQ(fit_weight(lv, 2), 0.0);  // shorter
  EXPECT_EQ(fit_weight(format_named("LT", "standard"), 5), 0.0);
}

TEST(PlateSpecificity, FitWeightScalesWithHowCommonTheSeriesIs) {
  const PlateFormat& temporary = format_named("RO", "temporary");
  EXPECT_LT(temporary.weight, 1.0);
  EXPECT_DOUBLE_EQ(fit_weight(temporary, 8),
                   temporary.weight * evidence_weight(specificity_bits(temporary.shape, 8)));
}

TEST(PlateSpecificity, AFormatOutsideTheCatalogueIsWeighedAlike) {
  const PlateFormat& lt = format_named("LT", "standard");
  const PlateFormat copy = lt;
  for (std::size_t n = 0; n <= 8; ++n) EXPECT_EQ(fit_weight(copy, n), fit_weight(lt, n)) << n;
  PlateFormat rarer = lt;
  rarer.weight = 0.5;
  EXPECT_DOUBLE_EQ(fit_weight(rarer, 6), 0.5 * fit_weight(lt, 6));
}

TEST(PlateSpecificity, TightShapesOutweighLooseOnes) {
  // The shapes behind the issue: a Romanian, Spanish or Croatian plate is far
  // more specific than the Latvian vanity shape that used to claim them.
  const double vanity = fit_weight(format_named("LV", "vanity"), 7);
  EXPECT_EQ(vanity, 0.0);
  EXPECT_GT(fit_weight(format_named("RO", "Bucharest"), 6), 0.8);
  EXPECT_GT(fit_weight(format_named("ES", "current"), 7), 0.8);
  EXPECT_GT(fit_weight(format_named("HR", "standard"), 8), 0.8);
  // Every national standard series at its usual length is real evidence.
  for (const char* country : {"LV", "LT", "EE", "BY", "RU", "FI", "UA", "SK", "CZ"}) {
    const PlateFormat& standard = format_named(country, "standard");
    EXPECT_GT(fit_weight(standard, standard.shape.longest()), 0.5) << country;
  }
}

}  // namespace
}  // namespace anpr::plate
