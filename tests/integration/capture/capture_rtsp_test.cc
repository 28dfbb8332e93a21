// FrameSource against a real RTSP server on 127.0.0.1 (tests/support/
// rtsp-server): frames of the right size over H.264 and H.265, a camera that
// dies and comes back on the same port, one that hangs, one that is never
// there, and a consumer too slow for the stream.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include <gtest/gtest.h>

#include "edge/capture/frame_source.h"
#include "tests/integration/capture/eventually.h"
#include "tests/integration/capture/rtsp_server.h"

namespace anpr::capture {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::eventually;
using testing::RtspServer;

CaptureOptions camera(const std::string& url) {
  CaptureOptions options;
  options.camera_id = "test-cam";
  options.url = url;
  options.open_timeout = 3s;
  options.read_timeout = 2s;
  options.backoff = {100ms, 500ms, 0.25};
  return options;
}

bool in_state(const FrameSource& source, CameraState state) { return source.status().state == state; }

// Entries of a /proc/self directory: open files or threads of this process.
std::size_t count_entries(const char* path) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(path)) ++count;
  return count;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

TEST(CaptureRtsp, DeliversH264FramesOfTheStreamSize) {
  RtspServer server({"--pattern", "--size", "640x360", "--fps", "25"});
  FrameSource source(camera(server.url()));
  source.start();
  ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::streaming); }, 15s))
      << source.status().last_error;

  std::uint64_t previous = 0;
  for (int i = 0; i < 10; ++i) {
    std::optional<Frame> frame = source.next(3s);
    ASSERT_TRUE(frame) << "frame " << i;
    EXPECT_EQ(frame->picture->gray().size(), cv::Size(640, 360));
    EXPECT_EQ(frame->picture->gray().type(), CV_8UC1);
    cv::Mat bgr = frame->picture->bgr();
    EXPECT_EQ(bgr.size(), cv::Size(640, 360));
    EXPECT_EQ(bgr.type(), CV_8UC3);
    EXPECT_GT(frame->number, previous);
    previous = frame->number;
  }
  CameraStatus status = source.status();
  EXPECT_EQ(status.width, 640);
  EXPECT_EQ(status.height, 360);
  EXPECT_EQ(status.state_changes, 2u);  // connecting, streaming
  // FFmpeg hands over the second or so it buffered while opening in one
  // burst; the measured rate settles on the camera's once that is past.
  EXPECT_TRUE(eventually([&] { return std::abs(source.status().fps_in - 25.0) < 4.0; }, 5s))
      << source.status().fps_in;
}

TEST(CaptureRtsp, DeliversH265Frames) {
  RtspServer server({"--pattern", "--codec", "h265", "--size", "320x240", "--fps", "15"});
  FrameSource source(camera(server.url()));
  source.start();
  std::optional<Frame> frame;
  ASSERT_TRUE(eventually([&] { return (frame = source.next(100ms)).has_value(); }, 20s))
      << source.status().last_error;
  EXPECT_EQ(frame->picture->bgr().size(), cv::Size(320, 240));
}

TEST(CaptureRtsp, ReconnectsWhenTheServerDiesAndComesBackOnTheSamePort) {
  auto server = std::make_unique<RtspServer>(std::vector<std::string>{"--pattern", "--size", "320x240"});
  int port = server->port();
  FrameSource source(camera(server->url()));
  source.start();
  ASSERT_TRUE(eventually([&] { return source.next(100ms).has_value(); }, 15s)) << source.status().last_error;

  auto killed_at = Clock::now();
  server->kill();
  ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::reconnecting); }, 4s));
  EXPECT_LT(seconds_since(killed_at), 2.0 + 0.5) << "must notice within the read timeout, not FFmpeg's 30 s";
  std::uint64_t frames_before = source.status().frames_in;
  while (source.next(0ms)) {
  }

  server = std::make_unique<RtspServer>(std::vector<std::string>{"--pattern", "--size", "320x240", "--port",
                                                                 std::to_string(port)});
  ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::streaming); }, 15s))
      << source.status().last_error;
  std::optional<Frame> frame = source.next(3s);
  ASSERT_TRUE(frame);
  EXPECT_GT(frame->number, frames_before);
  EXPECT_EQ(frame->picture->bgr().size(), cv::Size(320, 240));
  CameraStatus status = source.status();
  EXPECT_EQ(status.state_changes, 4u);  // connecting, streaming, reconnecting, streaming
  EXPECT_EQ(status.attempts, 0u);
  EXPECT_FALSE(status.last_error.empty()) << "the reason it went down is kept for the heartbeat";
}

// Months on a flaky WAN are many outages: each reconnect must give back the
// sockets, decoder threads and memory of the connection before it.
TEST(CaptureRtsp, RepeatedOutagesLeakNoFilesOrThreads) {
  const std::vector<std::string> args{"--pattern", "--size", "320x240"};
  auto server = std::make_unique<RtspServer>(args);
  std::vector<std::string> same_port = args;
  same_port.insert(same_port.end(), {"--port", std::to_string(server->port())});
  FrameSource source(camera(server->url()));
  source.start();
  ASSERT_TRUE(eventually([&] { return source.next(100ms).has_value(); }, 15s)) << source.status().last_error;
  std::size_t files = count_entries("/proc/self/fd");
  std::size_t threads = count_entries("/proc/self/task");

  for (int outage = 0; outage < 4; ++outage) {
    server->kill();
    ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::reconnecting); }, 5s)) << outage;
    server = std::make_unique<RtspServer>(same_port);
    ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::streaming); }, 15s)) << outage;
    ASSERT_TRUE(source.next(3s)) << outage;
  }
  // The server's pipe to this process is new, the one it replaced closed.
  EXPECT_EQ(count_entries("/proc/self/fd"), files);
  EXPECT_EQ(count_entries("/proc/self/task"), threads);
  EXPECT_EQ(source.status().state_changes, 2u + 2u * 4u);
}

TEST(CaptureRtsp, AHungServerIsNoticedByTheReadTimeoutAndStopCutsTheWaitShort) {
  RtspServer server({"--pattern", "--size", "320x240"});
  FrameSource source(camera(server.url()));
  source.start();
  ASSERT_TRUE(eventually([&] { return source.next(100ms).has_value(); }, 15s)) << source.status().last_error;

  auto frozen_at = Clock::now();
  server.freeze();
  ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::reconnecting); }, 6s));
  EXPECT_LT(seconds_since(frozen_at), 2.0 + 1.0);
  EXPECT_NE(source.status().last_error.find("read timeout"), std::string::npos) << source.status().last_error;

  // Reconnect attempts now hang in the RTSP handshake until the 3 s open
  // timeout; stop() interrupts the one in progress instead of waiting.
  ASSERT_TRUE(eventually([&] { return source.status().attempts >= 1; }, 5s));
  std::this_thread::sleep_for(700ms);
  auto stop_at = Clock::now();
  source.stop();
  EXPECT_LT(seconds_since(stop_at), 1.0);
  EXPECT_EQ(source.status().state, CameraState::stopped);
  server.thaw();
}

TEST(CaptureRtsp, NothingListeningMeansReconnectingWithBackoffAndOneStateChange) {
  int port = testing::unused_port();
  FrameSource source(camera("rtsp://127.0.0.1:" + std::to_string(port) + "/stream"));
  source.start();
  ASSERT_TRUE(eventually([&] { return in_state(source, CameraState::reconnecting); }, 5s));
  CameraStatus first = source.status();
  ASSERT_TRUE(eventually([&] { return source.status().attempts >= 4; }, 5s)) << source.status().attempts;
  CameraStatus later = source.status();

  EXPECT_EQ(later.state, CameraState::reconnecting);
  EXPECT_EQ(later.state_changes, 2u) << "connecting, then reconnecting once however many attempts fail";
  EXPECT_EQ(later.since, first.since) << "down since the start, not since the last attempt";
  EXPECT_NE(later.last_error.find("refused"), std::string::npos) << later.last_error;
  EXPECT_EQ(later.fps_in, 0.0);
  EXPECT_EQ(later.frames_in, 0u);

  // Past the fourth attempt the delay is at its 0.5 s cap (0.375 s at the
  // least with jitter): a few attempts a second, where refused connections
  // without backoff would make hundreds.
  std::uint32_t attempts = later.attempts;
  std::this_thread::sleep_for(1s);
  EXPECT_LE(source.status().attempts - attempts, 3u);

  auto stop_at = Clock::now();
  source.stop();
  EXPECT_LT(seconds_since(stop_at), 2.0);
  EXPECT_EQ(source.status().state, CameraState::stopped);
  EXPECT_FALSE(source.next(0ms));
}

TEST(CaptureRtsp, ASlowConsumerGetsTheNewestFrameAndDropsAreCounted) {
  RtspServer server({"--pattern", "--size", "320x240", "--fps", "25"});
  FrameSource source(camera(server.url()));
  source.start();
  ASSERT_TRUE(eventually([&] { return source.next(100ms).has_value(); }, 15s)) << source.status().last_error;

  std::uint64_t previous = 0;
  bool skipped = false;
  for (int i = 0; i < 6; ++i) {
    std::this_thread::sleep_for(300ms);  // recognition busy with the last frame
    std::optional<Frame> frame = source.next(1s);
    ASSERT_TRUE(frame);
    auto age = std::chrono::system_clock::now() - frame->captured_at;
    // An old frame would be ~300 ms old; the newest is at most a frame
    // interval (40 ms) plus scheduling.
    EXPECT_LT(age, 150ms) << "frame " << frame->number << " is "
                          << std::chrono::duration_cast<std::chrono::milliseconds>(age).count() << " ms old";
    EXPECT_GT(frame->number, previous);
    skipped = skipped || frame->number > previous + 1;
    previous = frame->number;
  }
  EXPECT_TRUE(skipped);
  EXPECT_GT(source.status().frames_dropped, 0u);
}

TEST(CaptureRtsp, RateCapLimitsWhatTheConsumerGets) {
  RtspServer server({"--pattern", "--size", "320x240", "--fps", "25"});
  CaptureOptions options = camera(server.url());
  options.max_fps = 5.0;
  FrameSource source(options);
  source.start();
  ASSERT_TRUE(eventually([&] { return source.next(100ms).has_value(); }, 15s)) << source.status().last_error;

  // Past the burst FFmpeg buffers while opening, then count for 3 s.
  std::this_thread::sleep_for(1500ms);
  while (source.next(0ms)) {
  }
  CameraStatus before = source.status();
  int taken = 0;
  auto start = Clock::now();
  while (Clock::now() - start < 3s) {
    if (source.next(100ms)) ++taken;
  }
  CameraStatus after = source.status();
  EXPECT_GE(taken, 12);
  EXPECT_LE(taken, 17);
  EXPECT_GE(after.frames_in - before.frames_in, 60u) << "the cap limits what is handed over, not what is decoded";
  EXPECT_EQ(after.frames_dropped, before.frames_dropped) << "a consumer keeping up takes every capped frame";
}

}  // namespace
}  // namespace anpr::capture
