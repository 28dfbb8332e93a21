// Country identification and OCR candidate ranking: a read that fits a
// format beats one that does not, priors favour LV/LT, hints can overrule.
#include "common/plate/plate_rank.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "common/plate/plate_error.h"
#include "common/plate/plate_specificity.h"

namespace anpr::plate {
namespace {

std::vector<std::string> countries_of(const std::vector<CountryFit>& fits_found) {
  std::vector<std::string> out;
  for (const CountryFit& f : fits_found) out.push_back(f.format->country);
  return out;
}

TEST(PlateRank, EveryCataloguedCountryHasAPriorInRange) {
  for (const std::string& country : countries()) {
    const double prior = country_prior(country);
    EXPECT_GT(prior, 0.0) << country;
    EXPECT_LE(prior, 1.0) << country;
  }
  EXPECT_THROW(country_prior("XX"), PlateError);
}

TEST(PlateRank, AnyFitOutweighsNoFitEvenForAnUnhintedCountry) {
  EXPECT_GT(kMinFitValidity, kUnfitValidity);
  // S50KJ fits only loose shapes (Austrian, Latvian vanity), and with a
  // Lithuanian hint neither country is hinted: both drop to the floor.
  const std::vector<std::string> lithuania{"LT"};
  const auto found = identify("S50KJ", lithuania);
  ASSERT_FALSE(found.empty());
  for (const CountryFit& f : found) EXPECT_DOUBLE_EQ(f.validity, kMinFitValidity) << f.format->country;
  const std::vector<OcrCandidate> candidates{{"S50KJ", 0.5}, {"S50K#", 0.5}};
  const auto ranked = rank_candidates(candidates, lithuania);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].text, "S50KJ");
}

TEST(PlateRank, IdentifyOrdersByPriorWithLatviaAndLithuaniaFirst) {
  // ABC123 is Lithuanian, Finnish, Swedish, Hungarian, German ("A BC 123")
  // and a Latvian vanity plate; vanity says least.
  EXPECT_EQ(countries_of(identify("ABC123")), (std::vector<std::string>{"LT", "FI", "SE", "HU", "DE", "LV"}));
  const auto lv = identify("AB1234");
  ASSERT_FALSE(lv.empty());
  EXPECT_EQ(lv.front().format->country, "LV");
  EXPECT_EQ(lv.front().format->name, "standard");
  EXPECT_EQ(countries_of(identify("1234AB5")), (std::vector<std::string>{"BY", "LV"}));
  EXPECT_EQ(countries_of(identify("A123BC777")), (std::vector<std::string>{"RU"}));
  EXPECT_TRUE(identify("AB12345678").empty());
  EXPECT_TRUE(identify("").empty());
}

TEST(PlateRank, LatvianNearMissesAreOnlyVanityPlates) {
  // AB-0123 and AI-1234 break the standard series rules; two letters make
  // them legal vanity plates, which weigh far less.
  for (const char* text : {"AB0123", "AI1234"}) {
    const auto found = identify(text);
    const auto lv = std::find_if(found.begin(), found.end(),
                                 [](const CountryFit& f) { return f.format->country == "LV"; });
    ASSERT_NE(lv, found.end()) << text;
    EXPECT_EQ(lv->format->name, "vanity") << text;
    EXPECT_LT(lv->validity, identify("AB1234").front().validity) << text;
  }
  // "AI 1234" is German, and Swiss (canton AI): the short German shape is
  // loose, the Swiss one tight, and the priors split the difference; the
  // personalised shapes of Latvia and Lithuania fit too, saying least.
  EXPECT_EQ(countries_of(identify("AI1234")), (std::vector<std::string>{"DE", "CH", "LV", "LT"}));
}

TEST(PlateRank, HintsBoostTheirCountry) {
  const std::vector<std::string> finland{"FI"};
  const auto found = identify("ABC123", finland);
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[0].format->country, "FI");
  EXPECT_DOUBLE_EQ(found[0].validity, fit_weight(*found[0].format, 6));
  EXPECT_EQ(found[1].format->country, "LT");
  EXPECT_DOUBLE_EQ(found[1].validity, country_prior("LT") * kUnhintedFactor * fit_weight(*found[1].format, 6));
}

TEST(PlateRank, UnknownHintIsRejectedWithItsName) {
  const std::vector<std::string> hints{"LV", "ZZ"};
  try {
    identify("AB1234", hints);
    FAIL() << "expected PlateError";
  } catch (const PlateError& error) {
    EXPECT_NE(std::string(error.what()).find("'ZZ'"), std::string::npos) << error.what();
  }
  const std::vector<OcrCandidate> candidates{{"AB1234", 0.5}};
  EXPECT_THROW(rank_candidates(candidates, hints), PlateError);
}

TEST(PlateRank, ValidBeatsInvalidAtEqualConfidenceWhateverTheOrder) {
  const std::vector<OcrCandidate> invalid_first{{"AB1234X9Q7", 0.8}, {"AB-1234", 0.8}};
  const std::vector<OcrCandidate> valid_first{{"AB-1234", 0.8}, {"AB1234X9Q7", 0.8}};
  for (const auto* candidates : {&invalid_first, &valid_first}) {
    const auto ranked = rank_candidates(*candidates);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].text, "AB1234");
    ASSERT_NE(ranked[0].format, nullptr);
    EXPECT_EQ(ranked[0].format->country, "LV");
    EXPECT_EQ(ranked[0].display, "AB-1234");
    EXPECT_DOUBLE_EQ(ranked[0].score, 0.8 * fit_weight(*ranked[0].format, 6));
    EXPECT_EQ(ranked[1].format, nullptr);
    EXPECT_DOUBLE_EQ(ranked[1].score, 0.8 * kUnfitValidity);
    EXPECT_EQ(ranked[1].display, "AB1234X9Q7");
    EXPECT_EQ(ranked[1].country_confidence, 0.0);
  }
}

TEST(PlateRank, AFitIsAFactorNotAVeto) {
  // 1.0 x kUnfitValidity beats a vanity fit read at 0.2 x kMinFitValidity.
  const std::vector<OcrCandidate> candidates{{"COYOTE", 0.2}, {"AB12345678", 1.0}};
  const auto ranked = rank_candidates(candidates);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].text, "AB12345678");
  EXPECT_EQ(ranked[1].text, "COYOTE");
}

TEST(PlateRank, HintsChangeWhichCandidateWins) {
  // Lithuanian-looking ABC123 against Estonian 123ABC at equal confidence.
  const std::vector<OcrCandidate> candidates{{"123 ABC", 0.7}, {"ABC 123", 0.7}};
  EXPECT_EQ(rank_candidates(candidates).front().text, "ABC123");
  const std::vector<std::string> estonia{"EE"};
  const auto hinted = rank_candidates(candidates, estonia);
  EXPECT_EQ(hinted.front().text, "123ABC");
  EXPECT_EQ(hinted.front().display, "123 ABC");
}

TEST(PlateRank, CountryConfidenceIsTheBestCountrysShare) {
  const std::vector<OcrCandidate> candidates{{"abc-123", 0.9}};
  const auto ranked = rank_candidates(candidates);
  ASSERT_EQ(ranked.size(), 1u);
  // Fits: LT, FI, SE, HU and DE standard, LV vanity.
  const auto validity = [](const char* country, const char* name) {
    for (const PlateFormat* format : formats_of(country)) {
      if (format->name == name) return std::max(kMinFitValidity, country_prior(country) * fit_weight(*format, 6));
    }
    throw std::logic_error("no format " + std::string(country) + "/" + name);
  };
  const double lt = validity("LT", "standard"), fi = validity("FI", "standard"), se = validity("SE", "standard"),
               hu = validity("HU", "standard"), de = validity("DE", "standard"), lv = validity("LV", "vanity");
  EXPECT_NEAR(ranked[0].country_confidence, lt / (lt + fi + se + hu + de + lv), 1e-12);
  EXPECT_EQ(ranked[0].display, "ABC 123");
  const std::vector<OcrCandidate> only_ru{{"A123BC777", 0.9}};
  EXPECT_DOUBLE_EQ(rank_candidates(only_ru).front().country_confidence, 1.0);
}

TEST(PlateRank, ForeignPlatesAreIdentifiedAsTheirOwnCountry) {
  const std::pair<const char*, const char*> plates[] = {
      {"B21GSB", "RO"},  {"SB90TZI", "RO"}, {"B172WAW", "RO"},  {"1234BCD", "ES"}, {"ZG9757HG", "HR"},
      {"WA12345", "PL"}, {"KR1AC23", "PL"}, {"LR12XYZ", "GB"},  {"12BDF3", "NL"},  {"1ABC123", "BE"},
      {"ZH123456", "CH"}, {"ABC12D", "SE"}, {"AB12345", "NO"},  {"SB014882", "RO"}, {"PZ1234AB", "HR"},
  };
  for (const auto& [text, country] : plates) {
    const auto found = identify(text);
    ASSERT_FALSE(found.empty()) << text;
    EXPECT_EQ(found.front().format->country, country) << text;
  }
}

TEST(PlateRank, WhereShapesOverlapThePriorDecides) {
  // Documented overlaps (docs/plate-formats.md): the same text is a plate of
  // each country, and the likelier country at this border comes first.
  EXPECT_EQ(countries_of(identify("ABC123")).front(), "LT");  // also FI, SE, HU, DE
  EXPECT_EQ(countries_of(identify("AB12345")), (std::vector<std::string>{"NO", "DK", "RO", "LV"}));
  EXPECT_EQ(countries_of(identify("AB123CD")).front(), "SK");   // also IT, FR
  EXPECT_EQ(countries_of(identify("BR07AAC")).front(), "RO");   // also GB
  EXPECT_EQ(countries_of(identify("AAAA123")).front(), "DE");   // also HU 2022 series
  const std::vector<std::string> hungary{"HU"};
  EXPECT_EQ(countries_of(identify("AAAA123", hungary)).front(), "HU");
}

TEST(PlateRank, HomeTaxiPlatesAreNotTakenForLooseForeignShapes) {
  // TX-847 also fits the Finnish shape and TX-1234 the German one; at a 0.1
  // share both came out foreign (the generated LV/LT crops' country column).
  for (const char* text : {"TX847", "TX1234", "TE12"}) {
    const auto found = identify(text);
    ASSERT_FALSE(found.empty()) << text;
    EXPECT_EQ(found.front().format->country, "LV") << text;
  }
  EXPECT_EQ(identify("TX847").front().format->name, "taxi");
  EXPECT_EQ(identify("T12345").front().format->country, "LT");
}

TEST(PlateRank, VanityFitsSayLeastSoForeignReadsAreNotLatvian) {
  // A foreign plate also fits the Latvian vanity format, but that format
  // rules out next to nothing and counts only as much as any fit must.
  for (const char* text : {"B21GSB", "1234BCD", "ZG9757HG", "AB12CDE", "12BDF3", "AB123CD", "ABC12D"}) {
    const auto found = identify(text);
    ASSERT_FALSE(found.empty()) << text;
    EXPECT_NE(found.front().format->country, "LV") << text;
    const auto lv = std::find_if(found.begin(), found.end(),
                                 [](const CountryFit& f) { return f.format->country == "LV"; });
    ASSERT_NE(lv, found.end()) << text;
    EXPECT_EQ(lv->format->name, "vanity");
    EXPECT_DOUBLE_EQ(lv->validity, kMinFitValidity) << text;
  }
  // A personalised plate: Latvian or Lithuanian, only its strip can say.
  EXPECT_EQ(countries_of(identify("COYOTE")), (std::vector<std::string>{"LV", "LT"}));
}

TEST(PlateRank, AShortFitIsWeakerEvidenceThanALongOne) {
  // AB-1 and AB-1234 are both standard Latvian plates, but one random text
  // in 12 of three characters fits the shape, and one in 550 of six.
  const auto short_fit = identify("AB1");
  const auto long_fit = identify("AB1234");
  ASSERT_FALSE(short_fit.empty());
  ASSERT_FALSE(long_fit.empty());
  EXPECT_EQ(short_fit.front().format, long_fit.front().format);
  EXPECT_LT(short_fit.front().validity, long_fit.front().validity / 2);
}

TEST(PlateRank, CyrillicCandidateIsNormalisedAndIdentified) {
  const std::vector<OcrCandidate> candidates{{"\xD0\x90" "123" "\xD0\x92\xD0\xA1" " 77", 0.6}};
  const auto ranked = rank_candidates(candidates);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].text, "A123BC77");
  ASSERT_NE(ranked[0].format, nullptr);
  EXPECT_EQ(ranked[0].format->country, "RU");
  EXPECT_EQ(ranked[0].display, "A123BC 77");
}

TEST(PlateRank, ReadsWithForeignCharactersFitNothing) {
  const std::vector<OcrCandidate> candidates{{"AB#1234", 0.9}, {"AB 1234", 0.5}};
  const auto ranked = rank_candidates(candidates);
  ASSERT_EQ(ranked.size(), 1u) << "both normalise to AB1234 and are merged";
  EXPECT_DOUBLE_EQ(ranked[0].confidence, 0.5) << "the clean read scores higher and is the one kept";
  EXPECT_NE(ranked[0].format, nullptr);
}

TEST(PlateRank, DuplicatesMergeIntoTheBestAndEmptyReadsVanish) {
  const std::vector<OcrCandidate> candidates{{"ab 1234", 0.4}, {"", 0.99}, {"AB-1234", 0.9}, {" - ", 0.9}};
  const auto ranked = rank_candidates(candidates);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_DOUBLE_EQ(ranked[0].confidence, 0.9);
}

TEST(PlateRank, ConfidenceOutsideUnitRangeIsRejectedWithTheRead) {
  for (const double bad : {-0.1, 1.5, 87.0, std::numeric_limits<double>::quiet_NaN()}) {
    const std::vector<OcrCandidate> candidates{{"AB1234", bad}};
    try {
      rank_candidates(candidates);
      ADD_FAILURE() << "accepted confidence " << bad;
    } catch (const PlateError& error) {
      EXPECT_NE(std::string(error.what()).find("'AB1234'"), std::string::npos) << error.what();
    }
  }
}

TEST(PlateRank, NoCandidatesRankToNothing) { EXPECT_TRUE(rank_candidates({}).empty()); }

}  // namespace
}  // namespace anpr::plate
