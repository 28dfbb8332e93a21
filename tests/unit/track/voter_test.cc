// Per-character voting: noise, format validity, alignment, country, candidates.
#include "edge/track/voter.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

std::vector<Observation> track_of(const std::vector<std::pair<std::string, double>>& reads,
                                  const std::string& country = "LV") {
  std::vector<Observation> out;
  for (std::size_t i = 0; i < reads.size(); ++i) {
    out.push_back({static_cast<std::int64_t>(i) * 100'000, i,
                   testing::make_read(reads[i].first, reads[i].second, {100, 100, 100, 22}, country)});
  }
  return out;
}

TEST(Voter, UnanimousReadsKeepTheirConfidence) {
  const Vote v = vote(track_of({{"MH8451", 0.9}, {"MH8451", 0.9}, {"MH8451", 0.9}}), {});
  EXPECT_EQ(v.text, "MH8451");
  EXPECT_EQ(v.display, "MH-8451");
  EXPECT_DOUBLE_EQ(v.confidence, 0.9);
  EXPECT_EQ(v.frames_seen, 3u);
  ASSERT_EQ(v.candidates.size(), 1u);
  EXPECT_EQ(v.candidates[0].text, "MH8451");
}

TEST(Voter, PicksTheFormatValidLatvianTextOverAnInvalidVariantAtEqualConfidence) {
  // "A81234" fits no catalogued format; "AB1234" is a standard Latvian plate.
  for (const bool invalid_first : {true, false}) {
    std::vector<std::pair<std::string, double>> reads;
    for (int i = 0; i < 3; ++i) {
      reads.emplace_back(invalid_first ? "A81234" : "AB1234", 0.8);
      reads.emplace_back(invalid_first ? "AB1234" : "A81234", 0.8);
    }
    const Vote v = vote(track_of(reads), {});
    EXPECT_EQ(v.text, "AB1234");
    ASSERT_GE(v.candidates.size(), 2u);
    EXPECT_EQ(v.candidates[1].text, "A81234");
    EXPECT_GT(v.candidates[0].score, v.candidates[1].score);
  }
}

TEST(Voter, RecoversATextNoSingleFrameReadCorrectly) {
  const Vote v = vote(
      track_of({{"NH8451", 0.7}, {"MK8451", 0.7}, {"MH7451", 0.7}, {"MH8351", 0.7}, {"MH8461", 0.7}}), {});
  EXPECT_EQ(v.text, "MH8451");
  EXPECT_LT(v.confidence, 0.7);
}

TEST(Voter, ShorterReadsVoteWhereTheyAlign) {
  // The last character is split 1:1 among full reads; the read that lost
  // its first character decides it, which it can only do when aligned.
  const Vote v = vote(track_of({{"K7Q9W2", 0.9}, {"K7Q9W3", 0.9}, {"7Q9W3", 0.9}}), {});
  EXPECT_EQ(v.text, "K7Q9W3");
}

TEST(Voter, MostReadLengthWins) {
  const Vote v = vote(track_of({{"MH8451", 0.9}, {"MH8451", 0.9}, {"MH84511", 0.9}, {"H8451", 0.9}}), {});
  EXPECT_EQ(v.text, "MH8451");
}

TEST(Voter, AlternativeReadingsVoteToo) {
  auto observations = track_of({{"A81234", 0.6}, {"A81234", 0.6}});
  for (Observation& o : observations) o.read.candidates = {{"A81234", 0.6}, {"AB1234", 0.55}};
  EXPECT_EQ(vote(observations, {}).text, "AB1234");
  VoterOptions ignore_alternatives;
  ignore_alternatives.alternative_weight = 0.0;
  EXPECT_EQ(vote(observations, ignore_alternatives).text, "A81234");
}

TEST(Voter, CountryIsAWeightedVoteOfTheReads) {
  auto observations = track_of({{"ABC123", 0.9}, {"ABC123", 0.9}, {"ABC123", 0.9}}, "LT");
  auto latvian = track_of({{"ABC123", 0.9}, {"ABC123", 0.9}}, "LV");
  observations.insert(observations.end(), latvian.begin(), latvian.end());
  const Vote v = vote(observations, {});
  EXPECT_EQ(v.country, "LT");
  EXPECT_NEAR(v.country_confidence, 3 * 0.9 * 0.9 / (5 * 0.9), 1e-9);
  EXPECT_EQ(v.display, "ABC 123");
}

TEST(Voter, OnlyReadsOfTheVotedTextVoteForItsCountry) {
  // Two misreads that fit a German format outweigh the right reads'
  // country if every read votes; they read another text.
  auto observations = track_of({{"HZN318", 0.6}, {"HZN318", 0.6}, {"HZN318", 0.6}}, "LT");
  auto misread = track_of({{"IHZN318", 0.95}, {"IHZN318", 0.95}}, "DE");
  observations.insert(observations.end(), misread.begin(), misread.end());
  const Vote v = vote(observations, {});
  ASSERT_EQ(v.text, "HZN318");
  EXPECT_EQ(v.country, "LT");
  EXPECT_NEAR(v.country_confidence, 0.9, 1e-9);
  EXPECT_EQ(v.display, "HZN 318");
  // When no read of the voted text names a country, every read votes.
  auto unnamed = track_of({{"HZN318", 0.6}, {"HZN318", 0.6}, {"HZN318", 0.6}}, "");
  unnamed.insert(unnamed.end(), misread.begin(), misread.end());
  EXPECT_EQ(vote(unnamed, {}).country, "DE");
}

TEST(Voter, WithoutCountryReadsTheFormatDecides) {
  const Vote v = vote(track_of({{"ABC123", 0.9}, {"ABC123", 0.9}}, ""), {});
  EXPECT_EQ(v.country, "LT");
  EXPECT_GT(v.country_confidence, 0.0);
  const Vote nothing = vote(track_of({{"Q", 0.9}}, ""), {});
  EXPECT_EQ(nothing.country, "");
  EXPECT_EQ(nothing.display, "Q");
}

TEST(Voter, CandidatesAreBoundedAndBestFirst) {
  VoterOptions options;
  options.max_candidates = 3;
  const Vote v = vote(track_of({{"MH8451", 0.9},
                                {"MH8451", 0.9},
                                {"MH8451", 0.9},
                                {"MH8457", 0.8},
                                {"NH8451", 0.5},
                                {"MH3451", 0.4},
                                {"MK8451", 0.3}}),
                      options);
  ASSERT_EQ(v.candidates.size(), 3u);
  EXPECT_EQ(v.candidates[0].text, "MH8451");
  EXPECT_EQ(v.candidates[1].text, "MH8457");
  EXPECT_GE(v.candidates[1].score, v.candidates[2].score);
  EXPECT_DOUBLE_EQ(v.candidates[0].score, v.confidence);
}

TEST(Voter, RejectsEmptyTracksAndBadOptions) {
  EXPECT_THROW(vote({}, {}), TrackError);
  VoterOptions options;
  options.max_candidates = 0;
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.country_hints = {"XX"};
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.alternative_weight = 1.5;
  EXPECT_THROW(validate(options), TrackError);
  EXPECT_NO_THROW(validate(VoterOptions{}));
}

}  // namespace
}  // namespace anpr::track
