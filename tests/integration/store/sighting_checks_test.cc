// What the store refuses per sighting, so that one bad sighting never
// fails the batch it came in.
#include <gtest/gtest.h>

#include "central/store/sighting_checks.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::store {
namespace {

using testing::kDayUs;
using testing::kHourUs;
using testing::make_sighting;

constexpr int64_t kNow = 1714571107123456;

TEST(SightingChecks, CompleteSightingIsStorable) {
  EXPECT_EQ(storage_problem(make_sighting("AB1234", kNow), kNow, {}), std::nullopt);
}

TEST(SightingChecks, EventIdMustBeSixteenBytes) {
  auto s = make_sighting("AB1234", kNow);
  s.set_event_id(std::string(15, 'x'));
  auto problem = storage_problem(s, kNow, {});
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("15 bytes"), std::string::npos) << *problem;
}

TEST(SightingChecks, CaptureTimeMustBeInsideTheWindow) {
  CaptureWindow window{.max_age = std::chrono::days(2), .max_ahead = std::chrono::hours(1)};
  EXPECT_FALSE(storage_problem(make_sighting("AB1234", kNow - 2 * kDayUs), kNow, window));
  EXPECT_TRUE(storage_problem(make_sighting("AB1234", kNow - 2 * kDayUs - 1), kNow, window));
  EXPECT_FALSE(storage_problem(make_sighting("AB1234", kNow + kHourUs), kNow, window));
  EXPECT_TRUE(storage_problem(make_sighting("AB1234", kNow + kHourUs + 1), kNow, window));
  EXPECT_TRUE(storage_problem(make_sighting("AB1234", 0), kNow, window));
}

TEST(SightingChecks, NulInAnyTextIsRefused) {
  auto plate = make_sighting(std::string("AB\0" "12", 5), kNow);
  EXPECT_TRUE(storage_problem(plate, kNow, {}));
  auto candidate = make_sighting("AB1234", kNow);
  candidate.mutable_candidates(1)->set_text(std::string("A\0", 2));
  auto problem = storage_problem(candidate, kNow, {});
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("candidate"), std::string::npos) << *problem;
}

}  // namespace
}  // namespace anpr::store
