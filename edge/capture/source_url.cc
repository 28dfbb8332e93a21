// Classification of camera URLs; see source_url.h.
#include "edge/capture/source_url.h"

#include <stdexcept>
#include <string_view>

namespace anpr::capture {

namespace {

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

[[noreturn]] void reject(const std::string& url, const std::string& problem) {
  throw std::invalid_argument("camera url \"" + redact_url(url) + "\": " + problem);
}

}  // namespace

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::rtsp: return "rtsp";
    case SourceKind::file: return "file";
    case SourceKind::v4l2: return "v4l2";
  }
  return "unknown";
}

SourceUrl parse_source_url(const std::string& url) {
  if (url.empty()) reject(url, "is empty");
  if (starts_with_icase(url, "rtsp://") || starts_with_icase(url, "rtsps://")) {
    std::string_view rest = std::string_view(url).substr(url.find("://") + 3);
    if (rest.empty() || rest.front() == '/') reject(url, "names no host");
    return {SourceKind::rtsp, url};
  }
  if (starts_with_icase(url, "v4l2://")) {
    std::string path = url.substr(7);
    if (path.rfind("/dev/", 0) != 0) reject(url, "v4l2:// must be followed by a /dev/ path");
    return {SourceKind::v4l2, path};
  }
  if (starts_with_icase(url, "file://")) {
    std::string path = url.substr(7);
    if (path.empty()) reject(url, "names no file");
    return {SourceKind::file, path};
  }
  if (url.rfind("/dev/video", 0) == 0) return {SourceKind::v4l2, url};
  // Anything else with a scheme is a protocol we do not support (http, rtmp,
  // udp): refusing it here beats an FFmpeg error on every reconnect.
  if (auto colon = url.find("://"); colon != std::string::npos) {
    reject(url, "unsupported scheme \"" + url.substr(0, colon) + "\" (rtsp, rtsps, file, v4l2)");
  }
  return {SourceKind::file, url};
}

std::string redact_url(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  auto authority_begin = scheme_end + 3;
  auto authority_end = url.find('/', authority_begin);
  if (authority_end == std::string::npos) authority_end = url.size();
  auto at = url.rfind('@', authority_end);
  if (at == std::string::npos || at < authority_begin) return url;
  auto colon = url.find(':', authority_begin);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace anpr::capture
