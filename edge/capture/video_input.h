// The video library behind one connection to a source: opens it with the
// right OpenCV backend and timeouts, receives frames and says in words why it
// stopped. One VideoInput is one connection; reconnecting makes a new one.
// All OpenCV video I/O of the capture library is here, so the thread and
// state logic around it never touches a VideoCapture.
//
// The first VideoInput sets the process-wide FFmpeg settings capture relies
// on: RTSP over TCP (UDP loses packets on a congested WAN and smears whole
// frames) and FFmpeg's own console messages off, as they would print a line
// per failed reconnect. Values the operator put in the environment
// (OPENCV_FFMPEG_CAPTURE_OPTIONS, OPENCV_FFMPEG_LOGLEVEL) are kept; RTSP over
// TCP is added to the former unless it names a transport itself.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include "edge/capture/capture_options.h"
#include "edge/capture/source_url.h"

namespace anpr::capture {

class VideoInput {
 public:
  enum class Grab {
    frame,  // a frame was received and decoded
    end,    // a clip was read to its last frame
    error,  // the source failed; error() says how
  };

  // Opens `source`. Returns an input whose opened() is false, with error()
  // saying why, when it cannot be opened.
  VideoInput(const SourceUrl& source, const CaptureOptions& options);

  bool opened() const { return opened_; }

  // Receives and decodes the next frame without converting it, waiting at
  // most the read timeout for FFmpeg sources.
  Grab grab();

  // The frame of the last successful grab() as BGR into `out`; false when
  // it cannot be converted, a lost frame rather than a lost source. `out`
  // must not share its buffer with a frame handed out before: it is written
  // in place.
  bool retrieve(cv::Mat& out);

  // The stream's nominal frame rate; 0 when it does not say.
  double nominal_fps() const { return nominal_fps_; }

  // Frame size as the source announced it when opened.
  cv::Size frame_size() const { return frame_size_; }

  const std::string& error() const { return error_; }

 private:
  void open_clip(const SourceUrl& source);
  void open_stream(const SourceUrl& source, int backend);

  cv::VideoCapture capture_;
  SourceKind kind_;
  std::string name_;  // the redacted URL, for messages
  std::chrono::milliseconds open_timeout_;
  std::chrono::milliseconds read_timeout_;
  bool opened_ = false;
  double nominal_fps_ = 0.0;
  cv::Size frame_size_;
  std::int64_t clip_frames_ = 0;  // frames a clip's index announces; 0 when unknown
  std::int64_t frames_read_ = 0;
  std::string error_;
};

}  // namespace anpr::capture
