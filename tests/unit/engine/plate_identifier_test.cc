// Identification: the plate catalogue overrules a slightly likelier misread,
// country hints and the EU strip choose between countries, and texts that
// fit nothing survive demoted; of two cuts of one plate, a reading that
// misses characters of the other gives way to it.
#include "edge/engine/plate_identifier.h"

#include <gtest/gtest.h>

#include "common/plate/plate_error.h"
#include "common/plate/plate_rank.h"

namespace anpr::engine {
namespace {

TEST(PlateIdentifier, PrefersTheReadThatFitsAFormat) {
  const std::vector<TextCandidate> texts = {{"A81234", 0.80}, {"AB1234", 0.75}};
  const Identification id = identify_plate(texts, {}, {}, 5);
  EXPECT_EQ(id.text, "AB1234");
  EXPECT_EQ(id.country, "LV");
  EXPECT_EQ(id.display, "AB-1234");
  EXPECT_DOUBLE_EQ(id.confidence, 0.75);
  ASSERT_EQ(id.candidates.size(), 2u);
  EXPECT_EQ(id.candidates[0].text, "AB1234");
  EXPECT_EQ(id.candidates[1].text, "A81234");
}

TEST(PlateIdentifier, EuStripPicksTheEuReadingOfTheSameText) {
  // KA1234BE is a Ukrainian plate, and a Croatian one (Karlovac) fitting
  // about as well: an EU strip makes it Croatian.
  const std::vector<TextCandidate> texts = {{"KA1234BE", 0.9}};
  EXPECT_EQ(identify_plate(texts, {}, {}, 5).country, "UA");
  EXPECT_EQ(identify_plate(texts, {}, PlateEvidence{true, ""}, 5).country, "HR");
  // 1234AB5 is a Belarusian plate and only as loose text a Latvian vanity
  // one: blue beside it (a blue car) does not make it Latvian.
  const std::vector<TextCandidate> belarusian = {{"1234AB5", 0.9}};
  EXPECT_EQ(identify_plate(belarusian, {}, {}, 5).country, "BY");
  EXPECT_EQ(identify_plate(belarusian, {}, PlateEvidence{true, ""}, 5).country, "BY");
}

TEST(PlateIdentifier, HintsChooseBetweenCountries) {
  // ABC123 is a Lithuanian plate and, as text, a Finnish one too: the
  // border's prior picks LT, a camera's hint picks the hinted country.
  const std::vector<TextCandidate> texts = {{"ABC123", 0.9}};
  EXPECT_EQ(identify_plate(texts, {}, {}, 5).country, "LT");
  const std::vector<std::string> hints = {"FI"};
  EXPECT_EQ(identify_plate(texts, hints, {}, 5).country, "FI");
}

TEST(PlateIdentifier, UnfitTextsAreDemotedNotDropped) {
  const std::vector<TextCandidate> texts = {{"9876543", 0.9}};
  const Identification id = identify_plate(texts, {}, {}, 5);
  EXPECT_EQ(id.text, "9876543");
  EXPECT_EQ(id.country, "");
  EXPECT_DOUBLE_EQ(id.confidence, 0.9 * kUnfitConfidenceFactor);
}

TEST(PlateIdentifier, AnUnfitReadTakesTheSwapOfItsOAndZeroThatFits) {
  // A Latvian vanity `9O` read as digits only fits no format; in the plate
  // face O and 0 are one glyph, so the swap that fits is believed, though no
  // more than the unfit read.
  const std::vector<TextCandidate> texts = {{"90", 0.6}};
  const Identification read = identify_plate(texts, {}, {}, 5);
  ASSERT_EQ(read.text, "90");
  ASSERT_EQ(read.validity, 0.0);
  const Identification resolved = with_o_zero_resolved(read, {}, {}, 5);
  EXPECT_EQ(resolved.text, "9O");
  EXPECT_EQ(resolved.country, "LV");
  EXPECT_GT(resolved.validity, 0.0);
  EXPECT_NEAR(resolved.confidence, 0.6 * kUnfitConfidenceFactor, 1e-9);
  ASSERT_EQ(resolved.candidates.size(), 2u);
  EXPECT_EQ(resolved.candidates[1].text, "90");
  // Three swaps at most, at the first three O or 0: the rest stay as read.
  const Identification zeros = with_o_zero_resolved(identify_plate({{{"000000", 0.6}}}, {}, {}, 5), {}, {}, 5);
  EXPECT_NE(zeros.text.substr(0, 3), "000");
  EXPECT_EQ(zeros.text.substr(3), "000");
}

TEST(PlateIdentifier, AVanityOnlyReadTakesASwapThatFitsASpecificSeries) {
  // A Russian plate read with O for its first 0 fits only as vanity text.
  const Identification read = identify_plate({{{"BO51BX44", 0.9}}}, {}, {}, 5);
  ASSERT_LE(read.validity, plate::kMinFitValidity);
  const Identification resolved = with_o_zero_resolved(read, {}, {}, 5);
  EXPECT_EQ(resolved.text, "B051BX44");
  EXPECT_EQ(resolved.country, "RU");
  // A vanity text whose swap fits only a loose foreign shape stays as read.
  const Identification vanity = identify_plate({{{"NO014P", 0.9}}}, {}, {}, 5);
  EXPECT_EQ(with_o_zero_resolved(vanity, {}, {}, 5).text, "NO014P");
}

TEST(PlateIdentifier, AReadThatFitsOrHasNoOOrZeroStaysAsRead) {
  const Identification fits = identify_plate({{{"AB1034", 0.7}}}, {}, {}, 5);
  EXPECT_EQ(with_o_zero_resolved(fits, {}, {}, 5).text, "AB1034");
  const Identification digits = identify_plate({{{"123", 0.7}}}, {}, {}, 5);
  const Identification kept = with_o_zero_resolved(digits, {}, {}, 5);
  EXPECT_EQ(kept.text, "123");
  EXPECT_DOUBLE_EQ(kept.confidence, digits.confidence);
  EXPECT_TRUE(with_o_zero_resolved(Identification{}, {}, {}, 5).text.empty());
}

TEST(PlateIdentifier, KeepsAtMostTopN) {
  const std::vector<TextCandidate> texts = {{"AB1234", 0.9}, {"AB1235", 0.8}, {"AB1236", 0.7}};
  EXPECT_EQ(identify_plate(texts, {}, {}, 2).candidates.size(), 2u);
}

TEST(PlateIdentifier, NothingToRankGivesAnEmptyText) {
  EXPECT_TRUE(identify_plate({}, {}, {}, 5).text.empty());
}

TEST(PlateIdentifier, UnknownHintIsAnError) {
  const std::vector<std::string> hints = {"XX"};
  const std::vector<TextCandidate> texts = {{"AB1234", 0.9}};
  EXPECT_THROW(identify_plate(texts, hints, {}, 5), plate::PlateError);
}

TEST(PlateIdentifier, TheStripsCodeDecidesBetweenCountriesTheTextFitsAlike) {
  // A personalised plate: Latvian vanity and Lithuanian personalised alike.
  const std::vector<TextCandidate> vanity = {{"M6Z7EJ", 0.9}};
  EXPECT_EQ(identify_plate(vanity, {}, PlateEvidence{true, "LT"}, 5).country, "LT");
  EXPECT_EQ(identify_plate(vanity, {}, PlateEvidence{true, "LV"}, 5).country, "LV");
  // The strip outweighs the site's hints.
  const std::vector<std::string> hints = {"LV"};
  EXPECT_EQ(identify_plate(vanity, hints, PlateEvidence{true, "LT"}, 5).country, "LT");
  // A code whose country no format of the text belongs to is not believed.
  const std::vector<TextCandidate> standard = {{"ABC123", 0.9}};
  EXPECT_EQ(identify_plate(standard, {}, PlateEvidence{true, "PL"}, 5).country, "LT");
  // Nor is one against a tight format: ABC123 is a Lithuanian standard plate
  // far more than a Latvian vanity one.
  EXPECT_EQ(identify_plate(standard, {}, PlateEvidence{true, "LV"}, 5).country, "LT");
  // A loose shape is no tight format: VFAY13 fits the German shape at 2.6
  // times the personalised one, and the strip names it Lithuanian.
  const std::vector<TextCandidate> personalised = {{"VFAY13", 0.9}};
  EXPECT_EQ(identify_plate(personalised, {}, PlateEvidence{true, ""}, 5).country, "DE");
  EXPECT_EQ(identify_plate(personalised, {}, PlateEvidence{true, "LT"}, 5).country, "LT");
}

TEST(PlateIdentifier, AHyphenRulesOutCountriesThatPrintNone) {
  // A Latvian trailer `A-34` or a Lithuanian personalised `A34`, and a strip
  // the classifier leans to call Lithuanian: the hyphen says Latvian.
  const std::vector<TextCandidate> trailer = {{"A34", 0.9}};
  EXPECT_EQ(identify_plate(trailer, {}, PlateEvidence{true, "LT", false}, 5).country, "LT");
  const Identification hyphenated = identify_plate(trailer, {}, PlateEvidence{true, "LT", true}, 5);
  EXPECT_EQ(hyphenated.country, "LV");
  EXPECT_EQ(hyphenated.display, "A-34");
  EXPECT_EQ(hyphenated.text, "A34") << "the hyphen chooses the country, never the text";
  // Among hyphenated fits the strip's code still decides.
  const std::vector<TextCandidate> three_three = {{"ABC123", 0.9}};
  EXPECT_EQ(identify_plate(three_three, {}, PlateEvidence{true, "", false}, 5).country, "LT");
  EXPECT_EQ(identify_plate(three_three, {}, PlateEvidence{true, "FI", true}, 5).country, "FI");
  EXPECT_NE(identify_plate(three_three, {}, PlateEvidence{true, "", true}, 5).country, "LT");
  // No country of the text prints a hyphen: the evidence is ignored, and
  // the strip still decides.
  const std::vector<TextCandidate> personalised = {{"8D", 0.9}};
  EXPECT_EQ(identify_plate(personalised, {}, PlateEvidence{true, "LT", true}, 5).country, "LT");
  const std::vector<TextCandidate> polish = {{"WA12345", 0.9}};
  EXPECT_EQ(identify_plate(polish, {}, PlateEvidence{true, "", true}, 5).country,
            identify_plate(polish, {}, PlateEvidence{true, "", false}, 5).country);
}

TEST(PlateIdentifier, AHyphenLookedForAndNotSeenLetsASureStripDecide) {
  // A German `D H 766` fits the Latvian standard `DH-766` far better than
  // the loose German shape; the Latvian plate would print a hyphen.
  const std::vector<TextCandidate> german = {{"DH766", 0.9}};
  PlateEvidence evidence{true, "DE"};
  evidence.strip_sure = true;
  EXPECT_EQ(identify_plate(german, {}, evidence, 5).country, "LV") << "not searched for a hyphen: no evidence";
  evidence.hyphen_searched = true;
  EXPECT_EQ(identify_plate(german, {}, evidence, 5).country, "DE");
  evidence.hyphen = true;
  EXPECT_EQ(identify_plate(german, {}, evidence, 5).country, "LV") << "a hyphen seen is Latvian";
  // A strip believed only by the border countries' lower trust does not
  // count: the finder misses a third of printed hyphens.
  PlateEvidence leaning{true, "LT"};
  leaning.hyphen_searched = true;
  EXPECT_EQ(identify_plate(german, {}, leaning, 5).country, "LV");
}

Identification reading(std::string text, double confidence, double validity = 0) {
  Identification id;
  id.text = std::move(text);
  id.confidence = confidence;
  id.validity = validity;
  return id;
}

TEST(PlateIdentifier, TheMoreCompleteCutWinsUnlessMuchLessSure) {
  const Identification row = reading("SDZ", 0.98), whole = reading("SDZ127", 0.9);
  EXPECT_TRUE(better_cut(whole, row));
  EXPECT_FALSE(better_cut(row, whole));
  // Doubled characters: "JAY45" is "JAY445" with one 4 lost, and "JAY445"
  // fits its format better.
  EXPECT_TRUE(better_cut(reading("JAY445", 0.8, 1.0), reading("JAY45", 0.95, 0.3)));
  // Far less sure: the longer reading probably made characters up.
  EXPECT_FALSE(better_cut(reading("SDZ127", 0.5), row));
  EXPECT_TRUE(better_cut(row, reading("SDZ127", 0.5)));
}

TEST(PlateIdentifier, ALetterAddedInsideANoMorePlateLikeTextIsNotACompletion) {
  // A Romanian plate (no catalogued format): one cut adds a phantom F.
  const Identification row = reading("B96TRH", 0.999), whole = reading("B96TRFH", 0.93);
  EXPECT_FALSE(better_cut(whole, row));
  EXPECT_TRUE(better_cut(row, whole));
  EXPECT_FALSE(better_cut(reading("JAY445", 0.9, 0.5), reading("JAY45", 0.95, 0.5)));
}

TEST(PlateIdentifier, AnOldHungarianPlatesFlagAndRuleAreNoLostCharacters) {
  const Identification row = reading("GGT677", 0.95, 1.0);
  EXPECT_FALSE(better_cut(reading("IGGT677", 0.9, 1.0), row));
  EXPECT_FALSE(better_cut(reading("HIGGT677", 0.9, 1.0), row));
  EXPECT_FALSE(better_cut(reading("HGGT677", 0.9, 1.0), row));  // the flag's H without the rule
  EXPECT_TRUE(better_cut(row, reading("IGGT677", 0.9, 1.0)));
  // Elsewhere, or fitting a format better, an added I is a lost character.
  EXPECT_TRUE(better_cut(reading("GGT677I", 0.9, 1.0), row));
  EXPECT_TRUE(better_cut(reading("IKA123", 0.9, 1.0), reading("KA123", 0.95, 0.3)));
  // The flag's H in front of a whole plate fits the 2022 series (`HABQ062`)
  // a little better than the old one (`ABQ062`): still no lost character.
  EXPECT_FALSE(better_cut(reading("HABQ062", 0.96, 0.186), reading("ABQ062", 0.99, 0.174)));
  EXPECT_TRUE(better_cut(reading("ABQ062", 0.99, 0.174), reading("HABQ062", 0.96, 0.186)));
  // More sure with the flag in front, but the plate without it fits the old
  // series better: the flag is no part of it, read as `H` or another letter.
  const Identification old_series = reading("GOD666", 0.898, 0.624);
  EXPECT_FALSE(better_cut(reading("HIGOD666", 0.947, 0.316), old_series));
  EXPECT_FALSE(better_cut(reading("RIGOD666", 0.914, 0.316), old_series));
  EXPECT_TRUE(better_cut(old_series, reading("HIGOD666", 0.947, 0.316)));
  // Fitting no worse, the surer reading stays.
  EXPECT_TRUE(better_cut(reading("HIGOD666", 0.947, 0.624), old_series));
}

TEST(PlateIdentifier, BesideAStripAnHInFrontIsTheFirstLetter) {
  // A Hungarian 2022 plate `HW TB-375` whose row lost its H; the H in front
  // would be the old series' flag, but a plate with a strip has none.
  const Identification row = reading("WTB375", 1.0, 0.30);
  const Identification whole = reading("HWTB375", 1.0, 0.23);
  EXPECT_FALSE(better_cut(whole, row));
  EXPECT_TRUE(better_cut(whole, row, true));
  EXPECT_FALSE(better_cut(row, whole, true));
  EXPECT_FALSE(reads_more_at_ends("HWTB375", "WTB375"));
  EXPECT_TRUE(reads_more_at_ends("HWTB375", "WTB375", true));
  EXPECT_TRUE(reads_more_at_ends("IKA123", "KA123", true));
}

TEST(PlateIdentifier, ReadsMoreAtEndsOnlyWithCharactersOfThePlate) {
  EXPECT_TRUE(reads_more_at_ends("SDZ127", "SDZ"));
  EXPECT_TRUE(reads_more_at_ends("B144MOS", "144M"));
  EXPECT_FALSE(reads_more_at_ends("SDZ", "SDZ"));
  EXPECT_FALSE(reads_more_at_ends("SDZ", "SDZ127"));
  EXPECT_FALSE(reads_more_at_ends("GB9818", "G818"));    // inside: a format decides (better_cut)
  EXPECT_FALSE(reads_more_at_ends("IGGT677", "GGT677"));  // an old Hungarian plate's left end
  EXPECT_FALSE(reads_more_at_ends("HIGGT677", "GGT677"));
  EXPECT_FALSE(reads_more_at_ends("HGGT677", "GGT677"));
  EXPECT_FALSE(reads_more_at_ends("KV2KV2", "KV2"));      // both halves read whole
}

TEST(PlateIdentifier, APlateReadInBothHalvesIsNoCompletion) {
  // A square crop of `KV-2` read as top and bottom half, each half the whole
  // row: less sure, so the whole crop wins (a completion would win at 0.85).
  const Identification whole = reading("KV2", 0.9), halves = reading("KV2KV2", 0.85);
  EXPECT_TRUE(better_cut(whole, halves));
  EXPECT_FALSE(better_cut(halves, whole));
}

TEST(PlateIdentifier, UnrelatedCutsCompareByConfidence) {
  const Identification a = reading("AB1234", 0.9), b = reading("AB1284", 0.8), longer = reading("XAB1284", 0.85);
  EXPECT_TRUE(better_cut(a, b));
  EXPECT_FALSE(better_cut(b, a));
  EXPECT_TRUE(better_cut(a, longer));  // not a completion of "AB1234"
}

TEST(PlateIdentifier, KnowsTheEu) {
  EXPECT_TRUE(is_eu_country("LV"));
  EXPECT_TRUE(is_eu_country("LT"));
  EXPECT_FALSE(is_eu_country("BY"));
  EXPECT_FALSE(is_eu_country("UA"));
}

}  // namespace
}  // namespace anpr::engine
