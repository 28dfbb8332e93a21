// The tracker end to end on scripted scenes: one result per vehicle pass,
// whatever OCR noise, gaps, neighbours and junk the frames carry.
#include "edge/track/tracker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "edge/track/track_error.h"
#include "tests/unit/track/scene.h"

namespace anpr::track {
namespace {

using testing::kSecond;
using testing::Pass;
using testing::Scene;
using testing::steady;

// An approaching car in the right lane: plate grows and moves down.
constexpr Box kFar{900, 300, 80, 18};
constexpr Box kNear{820, 850, 240, 54};

TrackerOptions without_early_emission() {
  TrackerOptions options;
  options.max_delay.reset();
  return options;
}

std::set<std::string> texts_of(const std::vector<TrackResult>& results) {
  std::set<std::string> texts;
  for (const TrackResult& r : results) texts.insert(r.vote.text);
  return texts;
}

// 40 frames of MH-8451 approaching at 10 fps: three frames missed, a
// quarter of the reads with one character wrong, one read with 8 read as B.
Pass noisy_approach() {
  Pass pass = steady("MH8451", 0.0, 4.0, kFar, kNear);
  pass.text = [](int i) -> std::optional<std::string> {
    if (i == 5 || i == 6 || i == 23) return std::nullopt;
    std::string text = "MH8451";
    if (i == 15) {
      text[2] = 'B';
    } else if (i % 4 == 1) {
      std::mt19937 rng(static_cast<unsigned>(i));
      text[rng() % text.size()] = "ACEFHJKLMNPRTUVXY3479"[rng() % 21];
    }
    return text;
  };
  return pass;
}

TEST(Tracker, NoisyApproachingCarGivesOneResultWithTheRightText) {
  Scene scene(10);
  scene.add(noisy_approach());
  const auto frames = scene.frames(6.0);
  for (const TrackerOptions& options : {TrackerOptions{}, without_early_emission()}) {
    const auto results = testing::run(options, frames);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].vote.text, "MH8451");
    EXPECT_EQ(results[0].vote.display, "MH-8451");
    EXPECT_EQ(results[0].vote.country, "LV");
    EXPECT_EQ(results[0].direction.direction, Direction::approaching);
    EXPECT_GT(results[0].vote.confidence, options.min_confidence);
  }
  const auto at_end = testing::run(without_early_emission(), frames);
  EXPECT_EQ(at_end[0].reason, EmitReason::gap);
  EXPECT_EQ(at_end[0].vote.frames_seen, 37u);
  EXPECT_EQ(at_end[0].first_seen_us, 0);
  EXPECT_EQ(at_end[0].last_seen_us, 39 * kSecond / 10);
  // The nearest plate is the best evidence.
  EXPECT_EQ(at_end[0].best.frame_index, 39u);
}

TEST(Tracker, TwoCarsSideBySideGiveTwoResults) {
  Scene scene(10);
  scene.add(steady("KL5678", 0.0, 3.0, kFar, kNear));
  scene.add(steady("ABC123", 0.0, 3.0, {kFar.x + 400, kFar.y, 80, 18}, {kNear.x + 500, kNear.y, 240, 54}));
  const auto results = testing::run(TrackerOptions{}, scene.frames(5.0));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(texts_of(results), (std::set<std::string>{"KL5678", "ABC123"}));
}

TEST(Tracker, AdjacentPlatesWithDifferentTextStaySeparate) {
  // Boxes almost touching, and the second plate is first read in the one
  // frame where the first was missed, inside the first's position gate:
  // only the text gate keeps it from joining the first track.
  Scene scene(10);
  Pass first = steady("KL5678", 0.0, 3.0, kFar, kNear);
  first.text = [](int i) { return i == 10 ? std::nullopt : std::optional<std::string>("KL5678"); };
  Pass second = steady("ABC123", 0.0, 3.0, {kFar.x + 90, kFar.y, 80, 18}, {kNear.x + 260, kNear.y, 240, 54});
  second.text = [](int i) { return i < 10 ? std::nullopt : std::optional<std::string>("ABC123"); };
  scene.add(first);
  scene.add(second);
  const auto results = testing::run(without_early_emission(), scene.frames(5.0));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(texts_of(results), (std::set<std::string>{"KL5678", "ABC123"}));
  for (const TrackResult& r : results) {
    EXPECT_EQ(r.vote.frames_seen, r.vote.text == "KL5678" ? 29u : 20u) << r.vote.text;
    EXPECT_DOUBLE_EQ(r.vote.confidence, 0.9) << r.vote.text;
  }
}

TEST(Tracker, FleetPlatesOneCharacterApartInTwoLanesAreTwoVehicles) {
  Scene scene(10);
  scene.add(steady("AB1234", 0.0, 3.0, kFar, kNear));
  scene.add(steady("AB1235", 0.0, 3.0, {kFar.x + 400, kFar.y, 80, 18}, {kNear.x + 500, kNear.y, 240, 54}));
  const auto results = testing::run(TrackerOptions{}, scene.frames(5.0));
  EXPECT_EQ(texts_of(results), (std::set<std::string>{"AB1234", "AB1235"}));
  EXPECT_EQ(results.size(), 2u);
}

TEST(Tracker, SamePlateTenSecondsApartIsTwoPasses) {
  Scene scene(10);
  scene.add(steady("MH8451", 0.0, 3.0, kFar, kNear));
  scene.add(steady("MH8451", 10.0, 13.0, kFar, kNear));
  Tracker tracker{TrackerOptions{}};
  const auto results = testing::run(tracker, scene.frames(15.0));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].vote.text, "MH8451");
  EXPECT_EQ(results[1].vote.text, "MH8451");
  EXPECT_EQ(results[1].first_seen_us, 10 * kSecond);
  EXPECT_NE(results[0].track_id, results[1].track_id);
  EXPECT_EQ(tracker.suppressed_count(), 0u);
}

Pass occluded_approach(int first_hidden, int hidden_frames) {
  Pass pass = steady("MH8451", 0.0, 5.0, kFar, kNear);
  pass.text = [=](int i) -> std::optional<std::string> {
    if (i >= first_hidden && i < first_hidden + hidden_frames) return std::nullopt;
    return "MH8451";
  };
  return pass;
}

TEST(Tracker, BriefOcclusionKeepsOneTrack) {
  Scene scene(10);
  scene.add(occluded_approach(20, 3));
  const auto results = testing::run(without_early_emission(), scene.frames(7.0));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].vote.frames_seen, 47u);
}

TEST(Tracker, OcclusionLongerThanMaxGapIsSuppressedAsTheSamePass) {
  // Hidden 1.5 s behind a truck: the track ends and a second one starts, but
  // within rearm_interval, so only one result leaves the camera.
  Scene scene(10);
  scene.add(occluded_approach(15, 15));
  Tracker tracker(without_early_emission());
  const auto results = testing::run(tracker, scene.frames(7.0));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].vote.text, "MH8451");
  EXPECT_EQ(tracker.suppressed_count(), 1u);
}

TEST(Tracker, RepeatReadWithAnOcrConfusionIsStillTheSamePass) {
  // After the occlusion the engine reads 8 as B throughout.
  Scene scene(10);
  Pass pass = steady("MH8451", 0.0, 5.0, kFar, kNear);
  pass.text = [](int i) -> std::optional<std::string> {
    if (i < 15) return "MH8451";
    if (i < 30) return std::nullopt;
    return "MHB451";
  };
  scene.add(pass);
  Tracker tracker(without_early_emission());
  const auto results = testing::run(tracker, scene.frames(7.0));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].vote.text, "MH8451");
  EXPECT_EQ(tracker.suppressed_count(), 1u);
}

TEST(Tracker, ParkedCarIsReportedOncePerMaxTrackDuration) {
  Scene scene(10);
  Pass parked = steady("MH8451", 0.0, 30.0, {600, 700, 200, 45}, {600, 700, 200, 45});
  scene.add(parked);
  for (const TrackerOptions& options : {TrackerOptions{}, without_early_emission()}) {
    const auto results = testing::run(options, scene.frames(32.0));
    ASSERT_EQ(results.size(), 4u);
    for (std::size_t i = 0; i < results.size(); ++i) {
      EXPECT_EQ(results[i].vote.text, "MH8451");
      EXPECT_EQ(results[i].first_seen_us, static_cast<std::int64_t>(i) * 8 * kSecond);
    }
    EXPECT_EQ(results.back().first_seen_us, 24 * kSecond);
  }
  const auto cut = testing::run(without_early_emission(), scene.frames(32.0));
  EXPECT_EQ(cut[0].reason, EmitReason::duration);
  EXPECT_EQ(cut[0].vote.frames_seen, 80u);
  EXPECT_EQ(cut[0].direction.direction, Direction::stationary);
  EXPECT_EQ(cut[3].reason, EmitReason::gap);
}

std::string random_text(std::mt19937& rng) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string text(4 + rng() % 5, ' ');
  for (char& c : text) c = kAlphabet[rng() % kAlphabet.size()];
  return text;
}

// Up to two one-off reads per frame anywhere in a 1920x1080 frame: signs,
// grilles, truck lettering.
std::vector<PlateRead> junk(int frame) {
  std::mt19937 rng(static_cast<unsigned>(1000 + frame));
  std::vector<PlateRead> reads;
  const int count = static_cast<int>(rng() % 3);
  for (int i = 0; i < count; ++i) {
    const double width = 40.0 + rng() % 200;
    const Box box{static_cast<double>(rng() % 1700), static_cast<double>(rng() % 1000), width, width / 4.5};
    const double confidence = 0.1 + (rng() % 40) / 100.0;
    reads.push_back(testing::make_read(random_text(rng), confidence, box, ""));
  }
  return reads;
}

TEST(Tracker, OneOffLowConfidenceJunkGivesNoResult) {
  const Scene empty(10);
  const auto frames = empty.frames(20.0, junk);
  std::size_t reads = 0;
  for (const FrameReads& f : frames) reads += f.reads.size();
  ASSERT_GT(reads, 150u);
  EXPECT_TRUE(testing::run(TrackerOptions{}, frames).empty());
}

TEST(Tracker, AConfidentReadSeenTwiceIsNotAPlate) {
  // A road sign read clearly in two frames: fewer than min_frames.
  Scene scene(10);
  scene.add(steady("STOP12", 1.0, 1.2, {1500, 100, 120, 27}, {1500, 100, 120, 27}));
  const auto frames = scene.frames(4.0);
  EXPECT_TRUE(testing::run(TrackerOptions{}, frames).empty());
  TrackerOptions single_read;
  single_read.min_frames = 1;
  EXPECT_EQ(testing::run(single_read, frames).size(), 1u);
}

TEST(Tracker, JunkAroundARealCarLeavesExactlyTheCar) {
  Scene scene(10);
  scene.add(noisy_approach());
  const auto results = testing::run(TrackerOptions{}, scene.frames(6.0, junk));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].vote.text, "MH8451");
}

TEST(Tracker, RecedingCarIsReportedAsReceding) {
  Scene scene(10);
  scene.add(steady("KL5678", 0.0, 3.0, kNear, kFar));
  TrackerOptions options;
  options.direction.camera_heading_deg = 90.0;
  const auto results = testing::run(options, scene.frames(5.0));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].direction.direction, Direction::receding);
  ASSERT_TRUE(results[0].direction.heading_deg);
  EXPECT_DOUBLE_EQ(*results[0].direction.heading_deg, 90.0);
  EXPECT_EQ(results[0].vote.country, "LV");
  // The first frame is the nearest here.
  EXPECT_EQ(results[0].best_index, 0u);
}

TEST(Tracker, EarlyEmissionEmitsOnceAndNotAgainAtTheEnd) {
  Scene scene(10);
  scene.add(steady("MH8451", 0.0, 6.0, kFar, kNear));
  Tracker tracker{TrackerOptions{}};
  std::vector<std::pair<std::int64_t, TrackResult>> emitted;
  for (const FrameReads& frame : scene.frames(8.0)) {
    for (TrackResult& r : tracker.update(frame)) emitted.emplace_back(frame.timestamp_us, std::move(r));
  }
  EXPECT_TRUE(tracker.flush().empty());
  ASSERT_EQ(emitted.size(), 1u);
  EXPECT_EQ(emitted[0].first, 2 * kSecond);
  EXPECT_EQ(emitted[0].second.reason, EmitReason::early);
  EXPECT_EQ(emitted[0].second.vote.text, "MH8451");
  EXPECT_EQ(emitted[0].second.vote.frames_seen, 21u);
}

TEST(Tracker, WeakTrackIsNotEmittedEarlyButAtItsEnd) {
  Scene scene(10);
  Pass weak = steady("MH8451", 0.0, 4.0, kFar, kNear);
  weak.confidence = 0.6;
  scene.add(weak);
  const auto results = testing::run(TrackerOptions{}, scene.frames(6.0));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].reason, EmitReason::gap);
  EXPECT_EQ(results[0].vote.frames_seen, 40u);
}

TEST(Tracker, ActiveTracksNameTheirBestFrame) {
  Scene scene(10);
  scene.add(steady("MH8451", 0.0, 1.0, kFar, kNear));
  Tracker tracker{TrackerOptions{}};
  for (const FrameReads& frame : scene.frames(0.5)) tracker.update(frame);
  const auto live = tracker.active();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].frames_seen, 5u);
  EXPECT_EQ(live[0].best_frame_index, 4u);
  EXPECT_FALSE(live[0].emitted);
}

TEST(Tracker, PendingCountsOpenTracksWithEnoughReadsOnly) {
  Scene scene(10);
  scene.add(steady("MH8451", 0.0, 1.0, kFar, kNear));
  TrackerOptions options;
  options.max_delay.reset();
  Tracker tracker{options};
  const auto frames = scene.frames(1.0);
  ASSERT_GE(frames.size(), options.min_frames + 1);
  for (std::size_t i = 0; i + 1 < options.min_frames; ++i) tracker.update(frames[i]);
  EXPECT_EQ(tracker.pending_count(), 0u) << "a track with fewer reads than min_frames is not reportable";
  tracker.update(frames[options.min_frames - 1]);
  EXPECT_EQ(tracker.pending_count(), 1u);
  EXPECT_EQ(tracker.flush().size(), 1u);
  EXPECT_EQ(tracker.pending_count(), 0u);
}

TEST(Tracker, FramesGoingBackInTimeAreRejected) {
  Tracker tracker{TrackerOptions{}};
  tracker.update({5 * kSecond, 50, {}});
  EXPECT_THROW(tracker.update({4 * kSecond, 51, {}}), TrackError);
  EXPECT_NO_THROW(tracker.update({5 * kSecond, 52, {}}));
}

TEST(Tracker, SameFramesGiveSameResults) {
  Scene scene(10);
  scene.add(noisy_approach());
  const auto frames = scene.frames(6.0, junk);
  const auto a = testing::run(TrackerOptions{}, frames);
  const auto b = testing::run(TrackerOptions{}, frames);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].track_id, b[i].track_id);
    EXPECT_EQ(a[i].vote.text, b[i].vote.text);
    EXPECT_EQ(a[i].vote.confidence, b[i].vote.confidence);
    EXPECT_EQ(a[i].best.frame_index, b[i].best.frame_index);
  }
}

}  // namespace
}  // namespace anpr::track
