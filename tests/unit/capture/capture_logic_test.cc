// The pure parts of capture, with made-up times: URL classification and
// redaction, backoff, the rate cap and meter, the mailbox, and the state
// machine that decides what gets logged.
#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "edge/capture/backoff.h"
#include "edge/capture/camera_state_machine.h"
#include "edge/capture/capture_options.h"
#include "edge/capture/frame_mailbox.h"
#include "edge/capture/rate_cap.h"
#include "edge/capture/rate_meter.h"
#include "edge/capture/source_url.h"

namespace anpr::capture {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;
using System = std::chrono::system_clock;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(SourceUrl, ClassifiesEachKind) {
  EXPECT_EQ(parse_source_url("rtsp://10.0.0.7:554/Streaming/101").kind, SourceKind::rtsp);
  EXPECT_EQ(parse_source_url("RTSPS://cam/1").kind, SourceKind::rtsp);
  SourceUrl device = parse_source_url("v4l2:///dev/video2");
  EXPECT_EQ(device.kind, SourceKind::v4l2);
  EXPECT_EQ(device.target, "/dev/video2");
  EXPECT_EQ(parse_source_url("/dev/video0").kind, SourceKind::v4l2);
  SourceUrl file = parse_source_url("file:///data/clip.mp4");
  EXPECT_EQ(file.kind, SourceKind::file);
  EXPECT_EQ(file.target, "/data/clip.mp4");
  EXPECT_EQ(parse_source_url("clips/a.mp4").target, "clips/a.mp4");
}

TEST(SourceUrl, RejectsWhatItCannotOpenWithoutLeakingThePassword) {
  EXPECT_EQ(error_of([] { parse_source_url(""); }), "camera url \"\": is empty");
  EXPECT_EQ(error_of([] { parse_source_url("http://admin:secret@cam/video"); }),
            "camera url \"http://admin:***@cam/video\": unsupported scheme \"http\" (rtsp, rtsps, file, v4l2)");
  EXPECT_EQ(error_of([] { parse_source_url("rtsp:///path"); }), "camera url \"rtsp:///path\": names no host");
  EXPECT_EQ(error_of([] { parse_source_url("v4l2://video0"); }),
            "camera url \"v4l2://video0\": v4l2:// must be followed by a /dev/ path");
}

TEST(SourceUrl, RedactsOnlyThePassword) {
  EXPECT_EQ(redact_url("rtsp://admin:pa:ss@10.0.0.7:554/s"), "rtsp://admin:***@10.0.0.7:554/s");
  EXPECT_EQ(redact_url("rtsp://admin@10.0.0.7/s"), "rtsp://admin@10.0.0.7/s");
  EXPECT_EQ(redact_url("rtsp://10.0.0.7/user:x@y"), "rtsp://10.0.0.7/user:x@y");
  EXPECT_EQ(redact_url("/dev/video0"), "/dev/video0");
}

TEST(CaptureOptions, ValidationNamesTheCamera) {
  CaptureOptions options;
  options.camera_id = "gate-1";
  options.url = "rtsp://cam/s";
  EXPECT_EQ(error_of([&] { validate(options); }), "");
  options.read_timeout = 0ms;
  EXPECT_EQ(error_of([&] { validate(options); }), "camera \"gate-1\": read timeout must be positive");
  options.read_timeout = 1s;
  options.backoff.max = 100ms;
  EXPECT_EQ(error_of([&] { validate(options); }),
            "camera \"gate-1\": backoff max delay must be at least the initial delay");
  options.backoff = {};
  options.url = "udp://x";
  EXPECT_NE(error_of([&] { validate(options); }).find("camera \"gate-1\": camera url"), std::string::npos);
}

TEST(Backoff, DoublesUpToTheCapWithJitterBelowTheNominalDelay) {
  Backoff backoff({500ms, 30s, 0.25}, 7);
  std::chrono::milliseconds nominal = 500ms;
  for (int i = 0; i < 12; ++i) {
    auto delay = backoff.next();
    EXPECT_LE(delay, nominal) << "attempt " << i;
    EXPECT_GE(delay, nominal * 3 / 4) << "attempt " << i;
    nominal = std::min<std::chrono::milliseconds>(nominal * 2, 30s);
  }
  EXPECT_EQ(backoff.failures(), 12u);
  backoff.reset();
  EXPECT_LE(backoff.next(), 500ms);
}

TEST(Backoff, JitterSpreadsCamerasApart) {
  Backoff a({1000ms, 30s, 0.25}, 1), b({1000ms, 30s, 0.25}, 2);
  EXPECT_NE(a.next(), b.next());
  Backoff exact({1000ms, 30s, 0.0}, 1);
  EXPECT_EQ(exact.next(), 1000ms);
  EXPECT_EQ(exact.next(), 2000ms);
}

TEST(Backoff, SurvivesMonthsOfFailures) {
  Backoff backoff({500ms, 30s, 0.0}, 1);
  for (int i = 0; i < 100000; ++i) backoff.next();
  EXPECT_EQ(backoff.next(), 30s);
}

TEST(RateCap, AdmitsTheCappedRateOnAverage) {
  RateCap cap(10.0);
  Steady::time_point t0{};
  int admitted = 0;
  for (int i = 0; i < 250; ++i) {  // 10 s of a 25 fps camera
    if (cap.admit(t0 + i * 40ms)) ++admitted;
  }
  EXPECT_GE(admitted, 99);
  EXPECT_LE(admitted, 101);
}

TEST(RateCap, NoBurstAfterAGap) {
  RateCap cap(5.0);
  Steady::time_point t0{};
  EXPECT_TRUE(cap.admit(t0));
  EXPECT_FALSE(cap.admit(t0 + 100ms));
  EXPECT_TRUE(cap.admit(t0 + 5s));
  EXPECT_FALSE(cap.admit(t0 + 5s + 40ms));
  EXPECT_FALSE(cap.admit(t0 + 5s + 80ms));
  EXPECT_TRUE(cap.admit(t0 + 5s + 200ms));
}

TEST(RateCap, ZeroMeansNoCap) {
  RateCap cap(0.0);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(cap.admit(Steady::time_point{}));
}

TEST(RateMeter, MeasuresAndFallsToZeroWhenFramesStop) {
  RateMeter meter;
  Steady::time_point t0{};
  EXPECT_EQ(meter.rate(t0), 0.0);
  for (int i = 0; i <= 50; ++i) meter.tick(t0 + i * 40ms);  // 2 s at 25 fps
  EXPECT_NEAR(meter.rate(t0 + 2s), 25.0, 0.01);
  EXPECT_EQ(meter.rate(t0 + 3100ms), 0.0);
  for (int i = 0; i <= 10; ++i) meter.tick(t0 + 10s + i * 100ms);  // back at 10 fps
  EXPECT_NEAR(meter.rate(t0 + 11s), 10.0, 0.01);
}

Frame numbered(std::uint64_t number) {
  Frame frame;
  frame.number = number;
  frame.picture = bgr_picture(cv::Mat(2, 2, CV_8UC3, cv::Scalar::all(0)));
  return frame;
}

TEST(FrameMailbox, TakesTheNewestAndCountsTheReplaced) {
  FrameMailbox mailbox;
  mailbox.put(numbered(1));
  mailbox.put(numbered(2));
  mailbox.put(numbered(3));
  auto frame = mailbox.take(Steady::now());
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->number, 3u);
  EXPECT_EQ(mailbox.dropped(), 2u);
  EXPECT_FALSE(mailbox.take(Steady::now() + 20ms)) << "a frame is handed out once";
}

TEST(FrameMailbox, WaitsForAFrameAndCloseWakesTakers) {
  FrameMailbox mailbox;
  std::thread producer([&] {
    std::this_thread::sleep_for(50ms);
    mailbox.put(numbered(7));
  });
  auto frame = mailbox.take(Steady::now() + 5s);
  producer.join();
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->number, 7u);

  std::thread closer([&] {
    std::this_thread::sleep_for(50ms);
    mailbox.close();
  });
  auto start = Steady::now();
  EXPECT_FALSE(mailbox.take(Steady::now() + 5s));
  closer.join();
  EXPECT_LT(Steady::now() - start, 2s);
  mailbox.put(numbered(8));
  EXPECT_FALSE(mailbox.take(Steady::now())) << "closed for good";
}

TEST(CameraStateMachine, RetriesAreOneStateChange) {
  System::time_point t0 = System::time_point{} + 1000h;
  CameraStateMachine machine(t0);
  EXPECT_EQ(machine.status().state, CameraState::connecting);
  EXPECT_EQ(machine.status().state_changes, 1u);

  EXPECT_TRUE(machine.lost("refused", t0 + 1s));
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(machine.lost("refused again", t0 + 2s + i * 1s));
  const CameraStatus& down = machine.status();
  EXPECT_EQ(down.state, CameraState::reconnecting);
  EXPECT_EQ(down.since, t0) << "never up: down since connecting began";
  EXPECT_EQ(down.attempts, 101u);
  EXPECT_EQ(down.last_error, "refused again");
  EXPECT_EQ(down.state_changes, 2u);

  EXPECT_TRUE(machine.streaming(t0 + 200s));
  EXPECT_FALSE(machine.streaming(t0 + 201s));
  EXPECT_EQ(machine.status().attempts, 0u);
  EXPECT_EQ(machine.status().since, t0 + 200s);

  EXPECT_TRUE(machine.lost("read timeout", t0 + 300s));
  EXPECT_EQ(machine.status().since, t0 + 300s) << "down since the stream was lost";
  EXPECT_EQ(machine.status().attempts, 1u);
  EXPECT_EQ(machine.status().state_changes, 4u);
}

TEST(CameraStateMachine, FailedAndStoppedAreFinal) {
  System::time_point t0{};
  CameraStateMachine machine(t0);
  EXPECT_TRUE(machine.failed("clip truncated", t0 + 1s));
  EXPECT_FALSE(machine.lost("x", t0 + 2s));
  EXPECT_FALSE(machine.streaming(t0 + 2s));
  EXPECT_FALSE(machine.stopped(t0 + 3s));
  EXPECT_EQ(machine.status().state, CameraState::failed);
  EXPECT_EQ(machine.status().last_error, "clip truncated");

  CameraStateMachine other(t0);
  EXPECT_TRUE(other.stopped(t0 + 1s));
  EXPECT_FALSE(other.stopped(t0 + 2s));
  EXPECT_FALSE(other.streaming(t0 + 2s));
  EXPECT_EQ(other.status().state, CameraState::stopped);
}

TEST(CameraStateMachine, LogLinesSayWhatAnOperatorNeeds) {
  System::time_point t0{};
  CameraStateMachine machine(t0);
  CameraStatus start = machine.status();
  EXPECT_EQ(state_change_line("gate-1", "rtsp://a:***@cam/s", start, start),
            "camera_state camera=gate-1 state=connecting url=rtsp://a:***@cam/s");
  machine.lost("rtsp://cam/s: no frame within the read timeout (5.0 s)", t0 + 1s);
  CameraStatus down = machine.status();
  EXPECT_EQ(state_change_line("gate-1", "", start, down),
            "camera_state camera=gate-1 state=reconnecting error=\"rtsp://cam/s: no frame within the read "
            "timeout (5.0 s)\"");
  machine.lost("again", t0 + 2s);
  machine.lost("again", t0 + 3s);
  down = machine.status();
  machine.streaming(t0 + 12500ms);
  CameraStatus up = machine.status();
  up.width = 1920;
  up.height = 1080;
  EXPECT_EQ(state_change_line("gate-1", "", down, up),
            "camera_state camera=gate-1 state=streaming size=1920x1080 down_for=12.5s attempts=3");
}

}  // namespace
}  // namespace anpr::capture
