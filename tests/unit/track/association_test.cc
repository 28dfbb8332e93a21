// The position, size and text gates, and cheapest-first matching.
#include "edge/track/association.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

TrackCue cue_at(Box predicted, std::string text, double seconds_since_seen = 0.1) {
  return {predicted, seconds_since_seen, {std::move(text)}};
}

const Box kPredicted{500, 500, 100, 22};

TEST(Association, ReadWherePredictedJoinsCheaply) {
  const auto cost = association_cost(cue_at(kPredicted, "MH8451"), testing::make_read("MH8451", 0.9, kPredicted), {});
  ASSERT_TRUE(cost);
  EXPECT_DOUBLE_EQ(*cost, 0.0);
}

TEST(Association, PositionGateWidensWithTimeUnseen) {
  const PlateRead read = testing::make_read("MH8451", 0.9, {750, 500, 100, 22});  // 2.5 widths away
  EXPECT_FALSE(association_cost(cue_at(kPredicted, "MH8451", 0.1), read, {}));
  EXPECT_TRUE(association_cost(cue_at(kPredicted, "MH8451", 0.5), read, {}));
}

TEST(Association, SizeGateRefusesAPlateOfAnotherScale) {
  const PlateRead small = testing::make_read("MHB451", 0.9, {520, 505, 50, 11});
  EXPECT_FALSE(association_cost(cue_at(kPredicted, "MH8451"), small, {}));
}

TEST(Association, TheSameTextIsTheSamePlateThroughAnOutlineOffInSize) {
  // The detector's outline for one frame took in the plate's frame (or lost
  // it): the text read is exactly the track's.
  const auto joins = [](const std::string& track_text, const std::string& text, Box box,
                        const AssociationOptions& options = {}) {
    return association_cost(cue_at(kPredicted, track_text), testing::make_read(text, 0.9, box), options).has_value();
  };
  EXPECT_TRUE(joins("MH8451", "MH8451", {520, 505, 50, 11}));
  EXPECT_TRUE(joins("MH8451", "MH8451", {500, 500, 180, 40}));
  // Not beyond same_text_size_ratio, nor for texts too short to be a plate's own.
  EXPECT_FALSE(joins("MH8451", "MH8451", {520, 505, 35, 8}));
  EXPECT_FALSE(joins("4D1", "4D1", {520, 505, 50, 11}));
  AssociationOptions strict;
  strict.same_text_size_ratio = strict.max_size_ratio;
  EXPECT_FALSE(joins("MH8451", "MH8451", {520, 505, 50, 11}, strict));
}

TEST(Association, TextGateToleratesMisreadsButNotAnotherPlate) {
  const auto read = [](std::string text) { return testing::make_read(std::move(text), 0.9, {520, 500, 100, 22}); };
  EXPECT_TRUE(association_cost(cue_at(kPredicted, "MH8451"), read("MHB451"), {}));
  EXPECT_TRUE(association_cost(cue_at(kPredicted, "MH8451"), read("NH8457"), {}));
  EXPECT_FALSE(association_cost(cue_at(kPredicted, "MH8451"), read("KL5678"), {}));
  EXPECT_LT(*association_cost(cue_at(kPredicted, "MH8451"), read("MHB451"), {}),
            *association_cost(cue_at(kPredicted, "MH8451"), read("NH8457"), {}));
}

TEST(Association, EachTrackTakesItsCheapestRead) {
  const std::vector<TrackCue> cues = {cue_at({500, 500, 100, 22}, "MH8451"), cue_at({600, 500, 100, 22}, "MH8457")};
  const std::vector<Observation> reads = {{0, 0, testing::make_read("MH8457", 0.9, {600, 500, 100, 22})},
                                          {0, 0, testing::make_read("MH8451", 0.9, {500, 500, 100, 22})},
                                          {0, 0, testing::make_read("XYZ999", 0.9, {550, 500, 100, 22})}};
  const auto pairings = associate(cues, reads, {});
  ASSERT_EQ(pairings.size(), 2u);
  EXPECT_EQ(pairings[0].track, 0u);
  EXPECT_EQ(pairings[0].read, 1u);
  EXPECT_EQ(pairings[1].track, 1u);
  EXPECT_EQ(pairings[1].read, 0u);
}

TEST(Association, OptionsAreValidated) {
  AssociationOptions options;
  options.max_size_ratio = 1.0;
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.max_text_distance = 0.0;
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.same_text_size_ratio = 1.2;
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.position_gate = -1.0;
  EXPECT_THROW(validate(options), TrackError);
  EXPECT_NO_THROW(validate(AssociationOptions{}));
}

}  // namespace
}  // namespace anpr::track
