// The capture thread of one camera; see frame_source.h.
#include "edge/capture/frame_source.h"

#include <exception>
#include <memory>
#include <random>
#include <stdexcept>
#include <utility>

#include <spdlog/spdlog.h>

#include "edge/capture/backoff.h"
#include "edge/capture/rate_cap.h"
#include "edge/capture/video_input.h"

namespace anpr::capture {

namespace {

using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

// A clip whose frame rate is unknown is paced like a typical camera.
constexpr double kFallbackFps = 25.0;
// A paced clip that falls this far behind its schedule (a stalled disk, a
// suspended machine) restarts the schedule instead of racing to catch up.
constexpr auto kMaxPaceLag = std::chrono::seconds(1);

CaptureOptions validated(CaptureOptions options) {
  validate(options);
  return options;
}

}  // namespace

FrameSource::FrameSource(CaptureOptions options)
    : options_(validated(std::move(options))),
      source_(parse_source_url(options_.url)),
      machine_(SystemClock::now()) {}

FrameSource::~FrameSource() { stop(); }

void FrameSource::start() {
  if (thread_.joinable()) throw std::logic_error("camera \"" + options_.camera_id + "\": started twice");
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::logic_error("camera \"" + options_.camera_id + "\": started after stop");
    spdlog::info("{}", state_change_line(options_.camera_id, redact_url(options_.url), machine_.status(),
                                         status_locked(SteadyClock::now())));
  }
  thread_ = std::thread([this] { run(); });
}

void FrameSource::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cancel_.store(true);
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  mailbox_.close();
  report([](CameraStateMachine& machine) { return machine.stopped(SystemClock::now()); });
}

std::optional<Frame> FrameSource::next(std::chrono::milliseconds wait) {
  return mailbox_.take(SteadyClock::now() + wait);
}

CameraStatus FrameSource::status() const {
  std::lock_guard lock(mutex_);
  return status_locked(SteadyClock::now());
}

CameraStatus FrameSource::status_locked(SteadyClock::time_point now) const {
  CameraStatus status = machine_.status();
  status.fps_in = status.state == CameraState::streaming ? meter_.rate(now) : 0.0;
  status.frames_in = frames_in_;
  status.frames_dropped = mailbox_.dropped();
  status.width = width_;
  status.height = height_;
  return status;
}

template <typename Event>
void FrameSource::report(Event event) {
  std::string line;
  bool trouble = false;
  {
    std::lock_guard lock(mutex_);
    auto now = SteadyClock::now();
    CameraStatus before = status_locked(now);
    if (!event(machine_)) return;
    CameraStatus after = status_locked(now);
    line = state_change_line(options_.camera_id, redact_url(options_.url), before, after);
    trouble = after.state == CameraState::reconnecting || after.state == CameraState::failed;
  }
  if (trouble) {
    spdlog::warn("{}", line);
  } else {
    spdlog::info("{}", line);
  }
}

bool FrameSource::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

bool FrameSource::pause_until(SteadyClock::time_point until) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_until(lock, until, [&] { return stopping_; });
}

void FrameSource::run() {
  Backoff backoff(options_.backoff, std::random_device{}());
  while (!stopping()) {
    Session session = connect();
    switch (session.outcome) {
      case Outcome::stopping:
        return;
      case Outcome::ended:
        if (options_.loop) continue;
        report([](CameraStateMachine& machine) { return machine.stopped(SystemClock::now()); });
        return;
      case Outcome::failed:
        report([&](CameraStateMachine& machine) { return machine.failed(session.error, SystemClock::now()); });
        return;
      case Outcome::lost:
        if (session.streamed >= options_.stable_after) backoff.reset();
        report([&](CameraStateMachine& machine) { return machine.lost(session.error, SystemClock::now()); });
        if (!pause_until(SteadyClock::now() + backoff.next())) return;
        break;
    }
  }
}

FrameSource::Session FrameSource::connect() {
  // A recorded clip that cannot be read stays unreadable; a camera or a
  // device may come back, so for them every failure is worth a retry.
  Outcome failure = source_.kind == SourceKind::file ? Outcome::failed : Outcome::lost;
  try {
    std::unique_ptr<VideoInput> input = open_video_input(source_, options_, cancel_);
    if (stopping()) return {Outcome::stopping, {}, {}};
    if (!input->opened()) return {failure, input->error(), {}};
    Session session = stream(*input);
    if (session.outcome == Outcome::lost) session.outcome = failure;
    return session;
  } catch (const std::exception& error) {
    // A malformed stream may make OpenCV or a conversion throw; that is a
    // broken connection, never a reason to take the daemon down.
    return {failure, redact_url(options_.url) + ": " + error.what(), {}};
  }
}

FrameSource::Session FrameSource::stream(VideoInput& input) {
  RateCap cap(options_.max_fps);
  bool paced = source_.kind == SourceKind::file && options_.pace == ReplayPace::native;
  auto interval = std::chrono::duration_cast<SteadyClock::duration>(
      std::chrono::duration<double>(1.0 / (input.nominal_fps() > 0.0 ? input.nominal_fps() : kFallbackFps)));
  auto schedule = SteadyClock::now();
  std::optional<SteadyClock::time_point> first_frame;
  while (true) {
    if (paced) {
      auto now = SteadyClock::now();
      if (now - schedule > kMaxPaceLag) schedule = now;
      if (!pause_until(schedule)) return {Outcome::stopping, {}, {}};
      schedule += interval;
    } else if (stopping()) {
      return {Outcome::stopping, {}, {}};
    }

    VideoInput::Grab grabbed = input.grab();
    auto now = SteadyClock::now();
    auto streamed = first_frame ? now - *first_frame : SteadyClock::duration{0};
    if (grabbed == VideoInput::Grab::end) return {Outcome::ended, {}, streamed};
    if (grabbed == VideoInput::Grab::error) {
      if (stopping()) return {Outcome::stopping, {}, {}};
      return {Outcome::lost, input.error(), streamed};
    }

    auto captured_at = SystemClock::now();
    std::uint64_t number;
    {
      std::lock_guard lock(mutex_);
      number = ++frames_in_;
      meter_.tick(now);
      if (!first_frame) {
        width_ = input.frame_size().width;
        height_ = input.frame_size().height;
      }
    }
    if (!first_frame) {
      first_frame = now;
      report([](CameraStateMachine& machine) { return machine.streaming(SystemClock::now()); });
    }
    if (!cap.admit(now)) continue;
    if (auto picture = input.picture()) mailbox_.put(Frame{std::move(picture), number, captured_at});
  }
}

}  // namespace anpr::capture
