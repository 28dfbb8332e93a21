// Direction of travel from synthetic plate motion.
#include "edge/track/direction.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

// `frames` observations 0.1 s apart, the box moving linearly from a to b.
std::vector<Observation> moving(Box a, Box b, int frames = 20) {
  std::vector<Observation> out;
  for (int i = 0; i < frames; ++i) {
    const double f = frames > 1 ? static_cast<double>(i) / (frames - 1) : 0.0;
    const Box box{a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.width + (b.width - a.width) * f,
                  a.height + (b.height - a.height) * f};
    out.push_back({i * 100'000, static_cast<std::uint64_t>(i), testing::make_read("MH8451", 0.9, box)});
  }
  return out;
}

constexpr Box kFar{900, 300, 80, 18};
constexpr Box kNear{820, 850, 240, 54};

TEST(Direction, GrowingAndMovingDownIsApproaching) {
  DirectionOptions options;
  options.camera_heading_deg = 300.0;
  const DirectionEstimate d = estimate_direction(moving(kFar, kNear), options);
  EXPECT_EQ(d.direction, Direction::approaching);
  ASSERT_TRUE(d.heading_deg);
  EXPECT_DOUBLE_EQ(*d.heading_deg, 120.0);
}

TEST(Direction, ShrinkingAndMovingUpIsReceding) {
  DirectionOptions options;
  options.camera_heading_deg = 300.0;
  const DirectionEstimate d = estimate_direction(moving(kNear, kFar), options);
  EXPECT_EQ(d.direction, Direction::receding);
  ASSERT_TRUE(d.heading_deg);
  EXPECT_DOUBLE_EQ(*d.heading_deg, 300.0);
}

TEST(Direction, TowardsFollowsTheConfiguredImageSide) {
  DirectionOptions options;
  options.towards = ImageDirection::up;
  // Moving up the frame at constant size: approaching for this camera.
  EXPECT_EQ(estimate_direction(moving({500, 800, 100, 22}, {500, 200, 100, 22}), options).direction,
            Direction::approaching);
  options.towards = ImageDirection::left;
  EXPECT_EQ(estimate_direction(moving({200, 500, 100, 22}, {1200, 500, 100, 22}), options).direction,
            Direction::receding);
}

TEST(Direction, AStillPlateSeenLongEnoughIsStationary) {
  const Box parked{600, 700, 200, 45};
  const Box jitter{601, 699, 201, 45};
  EXPECT_EQ(estimate_direction(moving(parked, jitter, 30), {}).direction, Direction::stationary);
  EXPECT_FALSE(estimate_direction(moving(parked, jitter, 30), {}).heading_deg);
  // Half a second without motion proves nothing.
  EXPECT_EQ(estimate_direction(moving(parked, jitter, 5), {}).direction, Direction::unknown);
}

TEST(Direction, ContradictionsAndSidewaysMotionAreUnknown) {
  // Growing while moving away from the camera's side: a bad track.
  EXPECT_EQ(estimate_direction(moving({820, 850, 80, 18}, {900, 300, 240, 54}), {}).direction, Direction::unknown);
  EXPECT_EQ(estimate_direction(moving({200, 500, 100, 22}, {1200, 500, 100, 22}), {}).direction,
            Direction::unknown);
  EXPECT_EQ(estimate_direction(moving(kFar, kNear, 1), {}).direction, Direction::unknown);
}

TEST(Direction, NamesAndValidation) {
  EXPECT_EQ(to_string(Direction::approaching), "approaching");
  EXPECT_EQ(to_string(Direction::stationary), "stationary");
  DirectionOptions options;
  options.camera_heading_deg = 360.0;
  EXPECT_THROW(validate(options), TrackError);
  options = {};
  options.min_displacement = 0.0;
  EXPECT_THROW(validate(options), TrackError);
  EXPECT_NO_THROW(validate(DirectionOptions{}));
}

}  // namespace
}  // namespace anpr::track
