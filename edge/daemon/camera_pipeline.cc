// One camera's pipeline; see camera_pipeline.h.
#include "edge/daemon/camera_pipeline.h"

#include <time.h>

#include <spdlog/spdlog.h>

#include "edge/daemon/track_input.h"
#include "edge/track/track_error.h"

namespace anpr::daemon {

namespace {

using namespace std::chrono_literals;

// How long the feeder waits for a frame before looking at stop requests,
// retunes and the tick clock again.
constexpr auto kFrameWait = 200ms;
// While no frame arrives, the tracker is told this often that time passed.
constexpr auto kTickInterval = 250ms;
// A frame that finds no free worker within this is dropped for a newer one.
constexpr auto kSubmitWait = 500ms;
// Pipeline errors of one camera are logged at most this often; the rest are
// counted (recognition_errors) and kept as last_error.
constexpr auto kErrorLogInterval = 60s;

std::uint64_t thread_cpu_ns() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(now.tv_nsec);
}

bool same_motion(const motion::MotionOptions& a, const motion::MotionOptions& b) {
  return a.work_width == b.work_width && a.pixel_threshold == b.pixel_threshold &&
         a.min_changed_fraction == b.min_changed_fraction && a.min_region_pixels == b.min_region_pixels &&
         a.background_rate == b.background_rate && a.roi == b.roi && a.keepalive == b.keepalive;
}

track::TrackerOptions with_direction(track::TrackerOptions options, const track::DirectionOptions& direction) {
  options.direction = direction;
  return options;
}

}  // namespace

CameraPipeline::CameraPipeline(const CameraConfig& camera, const track::TrackerOptions& tracker,
                               SightingContext context, RecognitionPool& pool, SightingWriter& writer)
    : camera_(camera),
      context_(std::move(context)),
      pool_(pool),
      writer_(writer),
      active_tuning_{camera.capture.max_fps, camera.motion},
      tracker_(with_direction(tracker, camera.direction)) {
  capture::validate(camera.capture);
  motion::validate(camera.motion);
}

CameraPipeline::~CameraPipeline() { stop_feeding(); }

void CameraPipeline::start() {
  {
    std::lock_guard lock(state_mutex_);
    source_ = open_source(active_tuning_.max_fps);
  }
  feeder_ = std::jthread([this](std::stop_token stop) { feed(stop); });
}

void CameraPipeline::stop_feeding() {
  if (!feeder_.joinable()) return;
  feeder_.request_stop();
  feeder_.join();
}

std::unique_ptr<capture::FrameSource> CameraPipeline::open_source(double max_fps) {
  auto options = camera_.capture;
  options.max_fps = max_fps;
  auto source = std::make_unique<capture::FrameSource>(options);
  source->start();
  return source;
}

void CameraPipeline::retire_source() {
  std::shared_ptr<capture::FrameSource> old;
  {
    std::lock_guard lock(state_mutex_);
    old = source_;
  }
  old->stop();
  auto status = old->status();
  std::lock_guard lock(state_mutex_);
  retired_.frames_in += status.frames_in;
  retired_.frames_dropped += status.frames_dropped;
}

void CameraPipeline::retune(const CameraTuning& tuning) {
  std::lock_guard lock(state_mutex_);
  pending_tuning_ = tuning;
}

std::int64_t CameraPipeline::stamp(Clock::time_point at) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  last_stamp_us_ = std::max(us, last_stamp_us_ + 1);
  return last_stamp_us_;
}

void CameraPipeline::feed(std::stop_token stop) {
  std::optional<motion::MotionGate> gate(std::in_place, active_tuning_.motion);
  auto last_activity = Clock::now();
  std::shared_ptr<capture::FrameSource> source;
  while (!stop.stop_requested()) {
    ++loops_;
    std::optional<CameraTuning> tuning;
    {
      std::lock_guard lock(state_mutex_);
      tuning.swap(pending_tuning_);
      source = source_;
    }
    bool new_cap = tuning && tuning->max_fps != active_tuning_.max_fps;
    bool new_motion = tuning && !same_motion(tuning->motion, active_tuning_.motion);
    if (new_cap || new_motion) {
      if (new_cap) {
        retire_source();
        std::shared_ptr<capture::FrameSource> fresh = open_source(tuning->max_fps);
        std::lock_guard lock(state_mutex_);
        source_ = source = fresh;
      }
      if (new_motion) gate.emplace(tuning->motion);
      spdlog::info("camera_retuned camera={} max_fps={} pixel_threshold={} min_changed_fraction={}", id(),
                   tuning->max_fps, tuning->motion.pixel_threshold, tuning->motion.min_changed_fraction);
      active_tuning_ = *tuning;
    }

    auto frame = source->next(kFrameWait);
    auto now = Clock::now();
    if (!frame) {
      if (now - last_activity >= kTickInterval) {
        deliver(next_seq_, Outcome{next_seq_, stamp(now), {}, {}, {}});
        ++next_seq_;
        last_activity = now;
      }
      continue;
    }
    last_activity = now;
    // The frame waited in the mailbox since it was captured; tracker time is
    // when it was captured, on the steady clock.
    auto waited = std::chrono::system_clock::now() - frame->captured_at;
    auto timestamp = stamp(now - std::chrono::duration_cast<Clock::duration>(waited));
    const capture::Picture& picture = *frame->picture;
    auto levels = picture.video_range() ? motion::GrayLevels::video : motion::GrayLevels::full;
    if (!gate->evaluate(picture.gray(), now, levels).pass) {
      ++frames_without_motion_;
      deliver(next_seq_, Outcome{next_seq_, timestamp, frame->captured_at, {}, {}});
      ++next_seq_;
      continue;
    }
    recognise(std::move(*frame), timestamp);
  }
  source->stop();
}

void CameraPipeline::recognise(capture::Frame frame, std::int64_t timestamp_us) {
  {
    std::lock_guard lock(flight_mutex_);
    ++in_recognition_;
  }
  const std::uint64_t seq = next_seq_;
  // The worker converts to BGR: only frames the gate passed pay for it, and
  // not in the thread that keeps up with the camera.
  auto job = [this, seq, timestamp_us, captured_at = frame.captured_at,
              picture = std::move(frame.picture)](engine::Engine& engine) {
    Outcome outcome{seq, timestamp_us, captured_at, {}, {}};
    const auto cpu_before = thread_cpu_ns();
    cv::Mat image;
    try {
      image = picture->bgr();
      outcome.reads = engine.read(image);
    } catch (const std::exception& error) {
      ++recognition_errors_;
      note_error(std::string("recognition: ") + error.what());
    }
    recognition_cpu_ns_ += thread_cpu_ns() - cpu_before;
    ++frames_analysed_;
    plate_reads_ += outcome.reads.size();
    if (!outcome.reads.empty()) outcome.image = image;
    deliver(seq, std::move(outcome));
    std::lock_guard lock(flight_mutex_);
    --in_recognition_;
    landed_.notify_all();
  };
  if (pool_.submit(std::move(job), kSubmitWait)) {
    ++next_seq_;
    return;
  }
  ++frames_busy_;
  std::lock_guard lock(flight_mutex_);
  --in_recognition_;
  landed_.notify_all();
}

void CameraPipeline::deliver(std::uint64_t seq, Outcome outcome) {
  std::lock_guard lock(track_mutex_);
  sequencer_.put(seq, std::move(outcome));
  for (auto& ready : sequencer_.take_ready()) advance(ready);
}

void CameraPipeline::advance(Outcome& outcome) {
  if (!outcome.reads.empty()) evidence_.keep(outcome.seq, {outcome.image, outcome.captured_at});
  try {
    emit(tracker_.update(to_frame_reads(outcome.timestamp_us, outcome.seq, outcome.reads)));
  } catch (const track::TrackError& error) {
    note_error(std::string("tracking: ") + error.what());
  }
  evidence_.retain_only(tracker_.active());
  passes_pending_ = tracker_.pending_count();
}

void CameraPipeline::emit(const std::vector<track::TrackResult>& results) {
  for (const auto& result : results) {
    try {
      writer_.write(result, context_, evidence_.find(result.best.frame_index));
      ++sightings_;
    } catch (const std::exception& error) {
      // Not rate-limited: every one of these is a vehicle that will be missing.
      spdlog::error("sighting_lost camera={} plate={} error=\"{}\"", id(), result.vote.text, error.what());
      note_error(std::string("spool: ") + error.what());
    }
  }
}

bool CameraPipeline::drain(std::chrono::steady_clock::time_point deadline) {
  bool complete;
  {
    std::unique_lock lock(flight_mutex_);
    complete = landed_.wait_until(lock, deadline, [&] { return in_recognition_ == 0; });
  }
  std::lock_guard lock(track_mutex_);
  emit(tracker_.flush());
  evidence_.retain_only({});
  passes_pending_ = 0;
  return complete;
}

void CameraPipeline::note_error(const std::string& what) {
  std::lock_guard lock(state_mutex_);
  last_error_ = what;
  auto now = Clock::now();
  if (now - last_error_logged_ >= kErrorLogInterval) {
    last_error_logged_ = now;
    spdlog::warn("camera_pipeline_error camera={} error=\"{}\" (repeats within {}s are counted, not logged)", id(),
                 what, std::chrono::duration_cast<std::chrono::seconds>(kErrorLogInterval).count());
  }
}

CameraSnapshot CameraPipeline::snapshot() const {
  CameraSnapshot s;
  s.camera_id = id();
  {
    std::lock_guard lock(state_mutex_);
    if (source_) s.capture = source_->status();
    s.capture.frames_in += retired_.frames_in;
    s.capture.frames_dropped += retired_.frames_dropped;
    bool stream_down = s.capture.state != capture::CameraState::streaming && !s.capture.last_error.empty();
    s.last_error = stream_down || last_error_.empty() ? s.capture.last_error : last_error_;
  }
  s.frames_analysed = frames_analysed_.load();
  s.frames_without_motion = frames_without_motion_.load();
  s.frames_busy = frames_busy_.load();
  s.plate_reads = plate_reads_.load();
  s.sightings = sightings_.load();
  s.passes_pending = passes_pending_.load();
  s.recognition_errors = recognition_errors_.load();
  s.recognition_cpu_seconds = static_cast<double>(recognition_cpu_ns_.load()) * 1e-9;
  return s;
}

}  // namespace anpr::daemon
