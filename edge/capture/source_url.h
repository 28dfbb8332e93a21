// What a camera's configured URL means: which kind of source it is and what
// to hand to the video library, decided once from the text so the capture
// thread never guesses, plus the form of a URL that is safe to write into
// logs.
//
//   rtsp://host[:port]/path, rtsps://...   network camera (FFmpeg, RTSP over TCP)
//   /dev/videoN, v4l2:///dev/videoN        local V4L2 device
//   file:///path/clip.mp4, /path/clip.mp4,
//   relative/clip.mp4                      recorded clip, replayed
#pragma once

#include <string>

namespace anpr::capture {

enum class SourceKind { rtsp, file, v4l2 };

const char* to_string(SourceKind kind);

struct SourceUrl {
  SourceKind kind = SourceKind::rtsp;
  std::string target;  // what FFmpeg or OpenCV opens: the URL itself or a file/device path
};

// Throws std::invalid_argument naming the URL (credentials removed) when it is
// empty, has a scheme other than the ones above, or names no path.
SourceUrl parse_source_url(const std::string& url);

// `url` with any password replaced by "***" (rtsp://admin:***@10.0.0.7/...):
// camera URLs carry credentials and logs travel to central.
std::string redact_url(const std::string& url);

}  // namespace anpr::capture
