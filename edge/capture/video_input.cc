// One connection to a video source through OpenCV; see video_input.h.
#include "edge/capture/video_input.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

namespace anpr::capture {

namespace {

void configure_ffmpeg_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* options = std::getenv("OPENCV_FFMPEG_CAPTURE_OPTIONS");
    std::string value = options ? options : "";
    if (value.find("rtsp_transport") == std::string::npos) {
      value += value.empty() ? "rtsp_transport;tcp" : "|rtsp_transport;tcp";
      setenv("OPENCV_FFMPEG_CAPTURE_OPTIONS", value.c_str(), 1);
    }
    setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);  // AV_LOG_QUIET
  });
}

std::string seconds(std::chrono::milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(duration).count());
  return text;
}

}  // namespace

VideoInput::VideoInput(const SourceUrl& source, const CaptureOptions& options)
    : kind_(source.kind),
      name_(redact_url(options.url)),
      open_timeout_(options.open_timeout),
      read_timeout_(options.read_timeout) {
  configure_ffmpeg_once();
  switch (source.kind) {
    case SourceKind::file: open_clip(source); break;
    case SourceKind::rtsp: open_stream(source, cv::CAP_FFMPEG); break;
    case SourceKind::v4l2: open_stream(source, cv::CAP_V4L2); break;
  }
  if (!opened_) return;
  double fps = capture_.get(cv::CAP_PROP_FPS);
  nominal_fps_ = (fps > 0.0 && fps <= 240.0) ? fps : 0.0;
  frame_size_ = cv::Size(static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_WIDTH)),
                         static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_HEIGHT)));
}

void VideoInput::open_clip(const SourceUrl& source) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(source.target, ec)) {
    error_ = name_ + ": no such file";
    return;
  }
  std::vector<int> params{cv::CAP_PROP_OPEN_TIMEOUT_MSEC, static_cast<int>(open_timeout_.count()),
                          cv::CAP_PROP_READ_TIMEOUT_MSEC, static_cast<int>(read_timeout_.count())};
  opened_ = capture_.open(source.target, cv::CAP_FFMPEG, params);
  if (!opened_) {
    error_ = name_ + ": not a readable video clip (corrupt, truncated before its index, or no video track)";
    return;
  }
  clip_frames_ = static_cast<std::int64_t>(capture_.get(cv::CAP_PROP_FRAME_COUNT));
}

void VideoInput::open_stream(const SourceUrl& source, int backend) {
  if (backend == cv::CAP_V4L2) {
    std::error_code ec;
    if (!std::filesystem::exists(source.target, ec)) {
      error_ = name_ + ": no such device";
      return;
    }
    opened_ = capture_.open(source.target, backend);
    if (!opened_) error_ = name_ + ": device cannot be opened for capture (busy, no permission, or not a camera)";
    return;
  }
  std::vector<int> params{cv::CAP_PROP_OPEN_TIMEOUT_MSEC, static_cast<int>(open_timeout_.count()),
                          cv::CAP_PROP_READ_TIMEOUT_MSEC, static_cast<int>(read_timeout_.count())};
  auto start = std::chrono::steady_clock::now();
  opened_ = capture_.open(source.target, backend, params);
  if (opened_) return;
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // OpenCV gives no reason; how long the attempt took tells a silent camera
  // (or a firewall dropping packets) from one that answered with a refusal.
  if (took >= open_timeout_ * 9 / 10) {
    error_ = name_ + ": no answer within the open timeout (" + seconds(open_timeout_) + ")";
  } else {
    error_ = name_ + ": connection refused, stream not found, or not a video stream";
  }
}

VideoInput::Grab VideoInput::grab() {
  auto start = std::chrono::steady_clock::now();
  bool grabbed = capture_.grab();
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  bool timed_out = kind_ == SourceKind::rtsp && took >= read_timeout_ * 9 / 10;
  // When the read timeout interrupts FFmpeg, OpenCV's grab() still reports
  // a frame (an empty picture), and only the next call fails: a grab that
  // took the whole timeout is the timeout, whatever it returned.
  if (grabbed && !timed_out) {
    ++frames_read_;
    return Grab::frame;
  }
  switch (kind_) {
    case SourceKind::file:
      if (frames_read_ == 0) {
        error_ = name_ + ": no decodable frame in the clip";
        return Grab::error;
      }
      // The index can be off by one frame; more than that missing means the
      // media data ends (or breaks) before the index says it does.
      if (clip_frames_ > 0 && frames_read_ + 1 < clip_frames_) {
        error_ = name_ + ": clip truncated or corrupt: decoded " + std::to_string(frames_read_) + " of " +
                 std::to_string(clip_frames_) + " frames";
        return Grab::error;
      }
      return Grab::end;
    case SourceKind::rtsp:
      if (timed_out) {
        error_ = name_ + ": no frame within the read timeout (" + seconds(read_timeout_) + ")";
      } else {
        error_ = name_ + ": stream closed or broken by the camera";
      }
      return Grab::error;
    case SourceKind::v4l2:
      error_ = name_ + ": device stopped delivering frames";
      return Grab::error;
  }
  return Grab::error;
}

bool VideoInput::retrieve(cv::Mat& out) { return capture_.retrieve(out) && !out.empty(); }

}  // namespace anpr::capture
