// One connection to a video source: opens it with its timeouts, receives
// and decodes frames and says in words why it stopped. Reconnecting makes a
// new one. All video library calls of capture are behind this interface, so
// the thread and state logic around it never touches a decoder:
//
// - RTSP cameras and clips: FFmpeg's libraries directly (ffmpeg_input.h),
//   which decode into the luma plane the motion gate reads;
// - V4L2 devices: OpenCV's V4L2 backend (v4l2_input.h).
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "edge/capture/capture_options.h"
#include "edge/capture/picture.h"
#include "edge/capture/source_url.h"

namespace anpr::capture {

class VideoInput {
 public:
  enum class Grab {
    frame,  // a frame was received and decoded
    end,    // a clip was read to its last frame
    error,  // the source failed; error() says how
  };

  virtual ~VideoInput() = default;
  VideoInput(const VideoInput&) = delete;
  VideoInput& operator=(const VideoInput&) = delete;

  bool opened() const { return opened_; }

  // Receives and decodes the next frame without converting it, waiting at
  // most the read timeout for FFmpeg sources.
  virtual Grab grab() = 0;

  // The frame of the last successful grab(), unconverted and no longer tied
  // to the input; nullptr when it cannot be had (a lost frame rather than a
  // lost source).
  virtual std::shared_ptr<const Picture> picture() = 0;

  // The stream's nominal frame rate; 0 when it does not say.
  double nominal_fps() const { return nominal_fps_; }

  // Frame size as the source announced it when opened.
  cv::Size frame_size() const { return frame_size_; }

  const std::string& error() const { return error_; }

 protected:
  VideoInput() = default;

  bool opened_ = false;
  double nominal_fps_ = 0.0;
  cv::Size frame_size_;
  std::string error_;
};

// Opens `source`. Returns an input whose opened() is false, with error()
// saying why, when it cannot be opened. Once `cancel` is set, waits of FFmpeg
// inputs end early (stop() need not sit out a timeout).
std::unique_ptr<VideoInput> open_video_input(const SourceUrl& source, const CaptureOptions& options,
                                             const std::atomic<bool>& cancel);

}  // namespace anpr::capture
