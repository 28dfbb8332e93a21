// FrameSource on recorded clips (made at test time) and on a V4L2 device that
// is not there: native-pace replay and its end, fast looping replay, the
// pictures handed on against what OpenCV decodes from the same clip, and
// clips that are broken in the ways files get broken, which must end in the
// `failed` state with a reason, never in a crash or a retry loop.
#include <chrono>
#include <optional>
#include <thread>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "edge/capture/frame_source.h"
#include "tests/integration/capture/eventually.h"
#include "tests/integration/capture/test_clips.h"

namespace anpr::capture {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::eventually;

CaptureOptions clip(const std::string& path) {
  CaptureOptions options;
  options.camera_id = "replay";
  options.url = path;
  options.backoff = {100ms, 500ms, 0.25};
  return options;
}

class CaptureFile : public ::testing::Test {
 protected:
  testing::TempDir dir_;
};

TEST_F(CaptureFile, ReplaysAtTheClipsFrameRateThenStops) {
  std::string path = dir_.file("clip.mp4");
  testing::write_clip(path, {320, 240}, 25, 25.0);
  FrameSource source(clip(path));
  source.start();

  std::optional<Clock::time_point> first, last;
  int frames = 0;
  std::uint64_t previous = 0;
  while (auto frame = source.next(2s)) {
    auto now = Clock::now();
    if (!first) first = now;
    last = now;
    ++frames;
    EXPECT_GT(frame->number, previous);
    previous = frame->number;
    EXPECT_EQ(frame->picture->size(), cv::Size(320, 240));
  }
  ASSERT_TRUE(eventually([&] { return source.status().state == CameraState::stopped; }, 2s))
      << to_string(source.status().state) << ": " << source.status().last_error;
  EXPECT_EQ(frames, 25) << "a consumer keeping up at 25 fps misses nothing";
  EXPECT_EQ(source.status().frames_in, 25u);
  EXPECT_TRUE(source.status().last_error.empty());
  // 24 intervals of 40 ms.
  double played = std::chrono::duration<double>(*last - *first).count();
  EXPECT_GT(played, 0.8);
  EXPECT_LT(played, 1.5);
}

// The frame OpenCV's FFmpeg backend decodes as number `number` (from 1) of
// `path`: what capture handed on before it decoded for itself.
cv::Mat opencv_frame(const std::string& path, std::uint64_t number) {
  cv::VideoCapture capture(path, cv::CAP_FFMPEG);
  cv::Mat image;
  for (std::uint64_t i = 0; i < number; ++i) {
    if (!capture.read(image)) return {};
  }
  return image;
}

TEST_F(CaptureFile, PicturesMatchOpenCVsDecodingInBgrAndGray) {
  std::string path = dir_.file("clip.mp4");
  testing::write_clip(path, {320, 240}, 25, 25.0);
  FrameSource source(clip(path));
  source.start();
  int compared = 0;
  while (auto frame = source.next(2s)) {
    if (frame->number % 6 != 2) continue;  // a few frames, key frame excluded
    ++compared;
    cv::Mat expected = opencv_frame(path, frame->number);
    ASSERT_FALSE(expected.empty()) << "OpenCV has no frame " << frame->number;
    const Picture& picture = *frame->picture;

    cv::Mat bgr = picture.bgr();
    ASSERT_EQ(bgr.type(), CV_8UC3);
    ASSERT_EQ(bgr.size(), expected.size());
    cv::Mat difference;
    cv::absdiff(bgr, expected, difference);
    double worst = 0.0;
    cv::minMaxLoc(difference.reshape(1), nullptr, &worst);
    EXPECT_LE(worst, 1.0) << "frame " << frame->number;
    EXPECT_NE(picture.bgr().data, bgr.data) << "each conversion is the caller's own image";

    // The clip is libx264's video-range YUV; stretched to full range its
    // luma is the gray cvtColor makes of OpenCV's BGR, up to rounding and
    // the 2 levels or so that swscale's fast YUV to BGR conversion darkens
    // by (the clip's gray 90 decodes to luma 93, stretched 90, but to BGR
    // around 87).
    ASSERT_TRUE(picture.video_range());
    ASSERT_EQ(picture.gray().type(), CV_8UC1);
    cv::Mat stretched, gray;
    picture.gray().convertTo(stretched, CV_8U, 255.0 / 219.0, -16.0 * 255.0 / 219.0);
    cv::cvtColor(expected, gray, cv::COLOR_BGR2GRAY);
    cv::absdiff(stretched, gray, difference);
    cv::minMaxLoc(difference, nullptr, &worst);
    EXPECT_LE(worst, 3.0) << "frame " << frame->number;
    EXPECT_LT(cv::mean(difference)[0], 2.5) << "frame " << frame->number;
  }
  EXPECT_EQ(compared, 4);
}

TEST_F(CaptureFile, FastReplayLoops) {
  std::string path = dir_.file("clip.mp4");
  testing::write_clip(path, {160, 120}, 10, 25.0);
  CaptureOptions options = clip(path);
  options.pace = ReplayPace::fast;
  options.loop = true;
  FrameSource source(options);
  source.start();
  ASSERT_TRUE(eventually([&] { return source.status().frames_in > 50; }, 10s))
      << to_string(source.status().state) << ": " << source.status().last_error;
  EXPECT_EQ(source.status().state, CameraState::streaming);
  EXPECT_EQ(source.status().state_changes, 2u) << "starting over is not a state change";
}

// Opens `path` and expects the `failed` state with an error naming the file.
void expect_failed(const std::string& path, const std::string& reason) {
  FrameSource source(clip(path));
  source.start();
  ASSERT_TRUE(eventually([&] { return source.status().state == CameraState::failed; }, 10s))
      << to_string(source.status().state);
  CameraStatus status = source.status();
  EXPECT_NE(status.last_error.find(path), std::string::npos) << status.last_error;
  EXPECT_NE(status.last_error.find(reason), std::string::npos) << status.last_error;
  EXPECT_EQ(status.attempts, 0u) << "a broken clip is not retried";
  source.stop();
  EXPECT_EQ(source.status().state, CameraState::failed);
}

TEST_F(CaptureFile, MissingClipFails) { expect_failed(dir_.file("absent.mp4"), "no such file"); }

TEST_F(CaptureFile, NoiseFails) {
  std::string path = dir_.file("noise.mp4");
  testing::write_noise(path, 64 * 1024);
  expect_failed(path, "not a readable video clip");
}

TEST_F(CaptureFile, EmptyFileFails) {
  std::string path = dir_.file("empty.mp4");
  testing::write_noise(path, 0);
  expect_failed(path, "not a readable video clip");
}

TEST_F(CaptureFile, ClipCutBeforeItsIndexFails) {
  std::string path = dir_.file("cut.mp4");
  testing::write_clip(path, {320, 240}, 50, 25.0);
  testing::truncate_file(path, 0.5);
  expect_failed(path, "not a readable video clip");
}

TEST_F(CaptureFile, ClipWithDamagedMediaFailsAfterTheGoodFrames) {
  std::string path = dir_.file("damaged.mp4");
  testing::write_clip(path, {320, 240}, 100, 25.0);
  testing::zero_second_half_of_media(path);
  CaptureOptions options = clip(path);
  options.pace = ReplayPace::fast;
  FrameSource source(options);
  source.start();
  ASSERT_TRUE(eventually([&] { return source.status().state == CameraState::failed; }, 10s))
      << to_string(source.status().state);
  CameraStatus status = source.status();
  EXPECT_NE(status.last_error.find("truncated or corrupt"), std::string::npos) << status.last_error;
  EXPECT_GT(status.frames_in, 0u);
  EXPECT_LT(status.frames_in, 100u);
}

TEST(CaptureDevice, AMissingDeviceIsRetriedNotFailed) {
  CaptureOptions options = clip("v4l2:///dev/video-anpr-absent");
  FrameSource source(options);
  source.start();
  ASSERT_TRUE(eventually([&] { return source.status().attempts >= 2; }, 5s));
  CameraStatus status = source.status();
  EXPECT_EQ(status.state, CameraState::reconnecting);
  EXPECT_NE(status.last_error.find("no such device"), std::string::npos) << status.last_error;
  auto stop_at = Clock::now();
  source.stop();
  EXPECT_LT(Clock::now() - stop_at, 1s);
}

}  // namespace
}  // namespace anpr::capture
