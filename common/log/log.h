// Logging set-up shared by both daemons and the tools: one spdlog logger per
// process, human-readable on a console or one JSON object per line for log
// collectors, level from the daemon's config ("log:" section).
//
// Convention for callers: one line per event, an event name then key=value
// pairs ("camera_state camera=gate-1 state=reconnecting since=..."), never a
// line per frame or per retry in a hot loop.
#pragma once

#include <string>

#include "common/config/config.h"

namespace anpr::log {

struct Options {
  std::string level = "info";     // trace, debug, info, warn, error, critical, off
  std::string format = "console"; // console | json
};

// Reads the "log:" section of a daemon's config, validating both keys.
Options read_options(const config::Section& log_section);

// Installs the process-wide default logger named `process` (e.g. "anpr-edge")
// writing to stderr, which systemd's journal or the terminal collects.
void setup(const std::string& process, const Options& options);

// The JSON-escaped form of `text` (without surrounding quotes).
std::string json_escape(const std::string& text);

}  // namespace anpr::log
