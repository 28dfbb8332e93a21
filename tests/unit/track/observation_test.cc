// Checking and normalising the reads of one frame.
#include "edge/track/observation.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

FrameReads frame_with(PlateRead read) { return {1'000'000, 7, {std::move(read)}}; }

TEST(Observation, NormalisesTextsAndDropsEmptyReads) {
  PlateRead read = testing::make_read("mh-8451", 0.9, {1, 2, 100, 22});
  read.candidates = {{"MH 8451", 0.9}, {"--", 0.2}};
  FrameReads frame = frame_with(read);
  frame.reads.push_back(testing::make_read(" - ", 0.9, {1, 2, 100, 22}));
  const auto observations = observations_of(frame);
  ASSERT_EQ(observations.size(), 1u);
  EXPECT_EQ(observations[0].read.text, "MH8451");
  ASSERT_EQ(observations[0].read.candidates.size(), 1u);
  EXPECT_EQ(observations[0].read.candidates[0].text, "MH8451");
  EXPECT_EQ(observations[0].timestamp_us, 1'000'000);
  EXPECT_EQ(observations[0].frame_index, 7u);
}

TEST(Observation, BadReadsAreReportedWithFrameAndText) {
  PlateRead read = testing::make_read("MH8451", 1.5, {1, 2, 100, 22});
  try {
    observations_of(frame_with(read));
    FAIL() << "confidence 1.5 accepted";
  } catch (const TrackError& e) {
    EXPECT_NE(std::string(e.what()).find("frame 7"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("MH8451"), std::string::npos) << e.what();
  }
  EXPECT_THROW(observations_of(frame_with(testing::make_read("MH8451", 0.9, {1, 2, 0, 22}))), TrackError);
  read = testing::make_read("MH8451", 0.9, {1, 2, 100, 22});
  read.sharpness = -0.1;
  EXPECT_THROW(observations_of(frame_with(read)), TrackError);
  read.sharpness.reset();
  read.candidates = {{"MH8451", 2.0}};
  EXPECT_THROW(observations_of(frame_with(read)), TrackError);
}

}  // namespace
}  // namespace anpr::track
