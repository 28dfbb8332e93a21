// RTSP cameras and recorded clips through FFmpeg's libraries (libavformat
// to receive, libavcodec to decode), used directly rather than through
// OpenCV for what a camera costs: every frame of a stream must be decoded,
// but most need nothing more than the gate's look at their luma plane, and
// OpenCV converted each one to BGR and copied it. Here a frame stays the
// decoder's until someone asks for BGR (ffmpeg_picture.h).
//
// - Settings are per connection (an AVDictionary), not process-wide: RTSP
//   always goes over TCP (UDP loses packets on a congested WAN and smears
//   whole frames).
// - Every blocking call is bounded by an interrupt callback: the open
//   timeout while connecting and probing, the read timeout for each frame,
//   and the cancel flag at any time.
// - The decoder runs in the capture thread alone (no frame threads): one
//   stream at a time per camera costs least CPU that way, and a box has
//   more cameras than cores.
// - FFmpeg's own console messages are off (a line per failed reconnect
//   otherwise); ANPR_FFMPEG_LOGLEVEL=32 turns them on when debugging a
//   camera. This one setting is process-wide.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "edge/capture/video_input.h"

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;

namespace anpr::capture {

class FfmpegInput final : public VideoInput {
 public:
  FfmpegInput(const SourceUrl& source, const CaptureOptions& options, const std::atomic<bool>& cancel);
  ~FfmpegInput() override;

  Grab grab() override;
  std::shared_ptr<const Picture> picture() override;

 private:
  static int interrupted(void* self);
  void open(const SourceUrl& source);
  // Why opening failed, from FFmpeg's code `status`.
  std::string open_failure(int status) const;
  Grab finished();
  Grab lost(int status);

  SourceKind kind_;
  std::string name_;  // the redacted URL, for messages
  std::chrono::milliseconds open_timeout_;
  std::chrono::milliseconds read_timeout_;
  const std::atomic<bool>& cancel_;
  std::chrono::steady_clock::time_point deadline_;
  bool timed_out_ = false;  // the interrupt callback ended a wait at deadline_

  AVFormatContext* format_ = nullptr;
  AVCodecContext* decoder_ = nullptr;
  AVPacket* packet_ = nullptr;
  AVFrame* frame_ = nullptr;
  int stream_ = -1;
  std::int64_t clip_frames_ = 0;  // frames a clip's index announces; 0 when unknown
  std::int64_t frames_read_ = 0;
};

}  // namespace anpr::capture
