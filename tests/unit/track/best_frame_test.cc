// Choosing the evidence frame of a track.
#include "edge/track/best_frame.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

Observation obs(std::uint64_t frame, double width, double confidence, std::optional<double> sharpness = {}) {
  Observation o{static_cast<std::int64_t>(frame) * 100'000, frame,
                testing::make_read("MH8451", confidence, {100, 100, width, width / 4.5})};
  o.read.sharpness = sharpness;
  return o;
}

TEST(BestFrame, LargestConfidentPlateWins) {
  EXPECT_EQ(best_observation(std::vector{obs(0, 80, 0.9), obs(1, 160, 0.9), obs(2, 120, 0.9)}), 1u);
  // Twice the width beats 1.5 times the confidence...
  EXPECT_EQ(best_observation(std::vector{obs(0, 80, 0.9), obs(1, 160, 0.6)}), 1u);
  // ...but not twice the confidence at 1.5 times the width.
  EXPECT_EQ(best_observation(std::vector{obs(0, 80, 0.8), obs(1, 120, 0.4)}), 0u);
}

TEST(BestFrame, MotionBlurDisqualifiesALargePlate) {
  EXPECT_EQ(best_observation(std::vector{obs(0, 120, 0.9, 0.9), obs(1, 200, 0.9, 0.2)}), 0u);
}

TEST(BestFrame, EarliestWinsATie) {
  EXPECT_EQ(best_observation(std::vector{obs(0, 100, 0.9), obs(1, 100, 0.9)}), 0u);
}

TEST(BestFrame, EmptyTrackIsAnError) { EXPECT_THROW(best_observation({}), TrackError); }

}  // namespace
}  // namespace anpr::track
