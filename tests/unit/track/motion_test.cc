// The constant-velocity motion fit behind prediction and direction.
#include "edge/track/motion.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

Observation at(std::int64_t t_us, Box box) { return {t_us, 0, testing::make_read("MH8451", 0.9, box)}; }

TEST(Motion, ExtrapolatesConstantVelocity) {
  // 10 px right and 1 px wider every 0.1 s.
  const std::vector<Observation> track = {at(0, {100, 200, 50, 11}), at(100'000, {110, 200, 51, 11}),
                                          at(200'000, {120, 200, 52, 11})};
  const Box next = fit_motion(track).at(300'000);
  EXPECT_NEAR(next.centre_x(), 130 + 53 / 2.0, 1e-9);
  EXPECT_NEAR(next.centre_y(), 205.5, 1e-9);
  EXPECT_NEAR(next.width, 53, 1e-9);
  EXPECT_NEAR(next.height, 11, 1e-9);
}

TEST(Motion, FitsThroughJitter) {
  std::vector<Observation> track;
  for (int i = 0; i < 10; ++i) {
    const double jitter = (i % 2 == 0) ? 2.0 : -2.0;
    track.push_back(at(i * 100'000, {100.0 + 10 * i + jitter, 200, 50, 11}));
  }
  const BoxTrend trend = fit_motion(track);
  EXPECT_NEAR(trend.centre_x.per_second, 100.0, 5.0);
}

TEST(Motion, OneObservationStandsStill) {
  const Box box{100, 200, 50, 11};
  const Box later = fit_motion(std::vector{at(0, box)}).at(1'000'000);
  EXPECT_DOUBLE_EQ(later.x, box.x);
  EXPECT_DOUBLE_EQ(later.y, box.y);
  EXPECT_DOUBLE_EQ(later.width, box.width);
}

TEST(Motion, ShrinkingSizeStopsAtAQuarter) {
  const std::vector<Observation> track = {at(0, {100, 200, 100, 22}), at(100'000, {100, 200, 80, 18})};
  const Box far_future = fit_motion(track).at(10'000'000);
  EXPECT_DOUBLE_EQ(far_future.width, 20.0);
  EXPECT_GT(far_future.height, 0.0);
}

TEST(Motion, EmptyTrackIsAnError) { EXPECT_THROW(fit_motion({}), TrackError); }

}  // namespace
}  // namespace anpr::track
