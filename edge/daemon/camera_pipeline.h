// One camera from frames to spooled sightings:
//
//   capture thread (newest frame only, fps cap)      FrameSource
//     -> feeder thread: motion gate                  MotionGate
//     -> recognition on the shared worker pool       RecognitionPool
//     -> back in capture order                       FrameSequencer
//     -> tracker, best frame kept per live track     Tracker, EvidenceKeeper
//     -> sighting spooled                            SightingWriter
//
// Every frame the cap lets through gets a sequence number, also those the
// motion gate stops (they reach the tracker without reads, since time passing
// is what ends tracks); while the camera sends nothing the feeder sends ticks
// for the same reason, so a car seen just before a camera went dark is still
// reported. The tracker step runs on whichever thread completes the next
// frame in order, under one lock per camera.
//
// Tracker time is the steady clock at capture, so an NTP step cannot stall or
// break tracking; sightings carry the frame's UTC capture time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "edge/capture/frame_source.h"
#include "edge/daemon/daemon_status.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/evidence_keeper.h"
#include "edge/daemon/frame_sequencer.h"
#include "edge/daemon/recognition_pool.h"
#include "edge/daemon/sighting_builder.h"
#include "edge/daemon/sighting_writer.h"
#include "edge/engine/plate_read.h"
#include "edge/motion/motion_gate.h"
#include "edge/track/tracker.h"

namespace anpr::daemon {

// What SIGHUP may change for a running camera.
struct CameraTuning {
  double max_fps = 0.0;
  motion::MotionOptions motion;
};

class CameraPipeline {
 public:
  // Throws std::invalid_argument / track::TrackError for unusable options.
  CameraPipeline(const CameraConfig& camera, const track::TrackerOptions& tracker, SightingContext context,
                 RecognitionPool& pool, SightingWriter& writer);
  ~CameraPipeline();
  CameraPipeline(const CameraPipeline&) = delete;
  CameraPipeline& operator=(const CameraPipeline&) = delete;

  void start();

  // Stops capture and the feeder; frames already with the pool finish.
  void stop_feeding();

  // After stop_feeding(): waits until `deadline` for this camera's frames
  // still in recognition, then ends every live track, spooling what
  // qualifies. False when frames were still out at the deadline (their
  // tracks are flushed without them).
  bool drain(std::chrono::steady_clock::time_point deadline);

  // Applied by the feeder before its next frame: a new cap reopens the
  // stream, new motion options start the gate afresh.
  void retune(const CameraTuning& tuning);

  CameraSnapshot snapshot() const;

  // Grows while the feeder goes round its loop (watchdog liveness).
  std::uint64_t loops() const { return loops_.load(); }

  const std::string& id() const { return context_.camera_id; }

 private:
  using Clock = std::chrono::steady_clock;

  // One frame (or tick) on its way to the tracker.
  struct Outcome {
    std::uint64_t seq = 0;          // also the tracker's frame index
    std::int64_t timestamp_us = 0;  // steady clock
    std::chrono::system_clock::time_point captured_at;
    cv::Mat image;  // only when there are reads
    std::vector<engine::PlateRead> reads;
  };

  void feed(std::stop_token stop);
  std::unique_ptr<capture::FrameSource> open_source(double max_fps);
  void retire_source();
  std::int64_t stamp(Clock::time_point at);
  void recognise(capture::Frame frame, std::int64_t timestamp_us);
  void deliver(std::uint64_t seq, Outcome outcome);
  void advance(Outcome& outcome);
  void emit(const std::vector<track::TrackResult>& results);
  void note_error(const std::string& what);

  const CameraConfig camera_;
  const SightingContext context_;
  RecognitionPool& pool_;
  SightingWriter& writer_;

  // Feeder thread only.
  std::int64_t last_stamp_us_ = 0;
  std::uint64_t next_seq_ = 0;
  CameraTuning active_tuning_;

  // Tracking step, in frame order.
  std::mutex track_mutex_;
  FrameSequencer<Outcome> sequencer_;
  track::Tracker tracker_;
  EvidenceKeeper evidence_;

  // Frames handed to the pool and not yet delivered.
  std::mutex flight_mutex_;
  std::condition_variable landed_;
  std::size_t in_recognition_ = 0;

  // Shared with snapshot() and retune().
  mutable std::mutex state_mutex_;
  std::shared_ptr<capture::FrameSource> source_;
  capture::CameraStatus retired_;  // counters of sources replaced by a retune
  std::optional<CameraTuning> pending_tuning_;
  std::string last_error_;
  Clock::time_point last_error_logged_{};

  std::atomic<std::uint64_t> frames_analysed_{0};
  std::atomic<std::uint64_t> frames_without_motion_{0};
  std::atomic<std::uint64_t> frames_busy_{0};
  std::atomic<std::uint64_t> plate_reads_{0};
  std::atomic<std::uint64_t> sightings_{0};
  std::atomic<std::uint64_t> passes_pending_{0};
  std::atomic<std::uint64_t> recognition_errors_{0};
  std::atomic<std::uint64_t> recognition_cpu_ns_{0};
  std::atomic<std::uint64_t> loops_{0};

  std::jthread feeder_;
};

}  // namespace anpr::daemon
