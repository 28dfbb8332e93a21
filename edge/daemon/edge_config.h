// The edge daemon's configuration (deploy/edge.example.yaml documents every
// key): read once at start-up into plain structs of the building blocks'
// own option types, so that a bad file stops the daemon before it opens a
// camera or the spool, with an error naming the file and the key. A key the
// daemon does not know is an error too (a typo must not silently fall back to
// a default on a box at the border).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <yaml-cpp/yaml.h>

#include "common/log/log.h"
#include "edge/daemon/clock_sync.h"
#include "edge/capture/capture_options.h"
#include "edge/engine/engine.h"
#include "edge/evidence/evidence.h"
#include "edge/motion/motion_options.h"
#include "edge/spool/spool_options.h"
#include "edge/track/tracker_options.h"

namespace anpr::daemon {

// A lane of the road as the camera sees it: plates whose centre lies inside
// `polygon` (full-frame pixels) are reported with lane `number`.
struct Lane {
  std::uint32_t number = 0;
  std::vector<cv::Point> polygon;
};

struct CameraConfig {
  std::string id;
  bool enabled = true;
  capture::CaptureOptions capture;   // camera_id and url filled in
  motion::MotionOptions motion;
  track::DirectionOptions direction;
  std::vector<Lane> lanes;
};

struct CentralConfig {
  std::string endpoint;
  std::filesystem::path server_public_key_file;
  std::filesystem::path client_secret_key_file;
  bool allow_plaintext = false;
  std::chrono::milliseconds reconnect_interval{1'000};
  std::chrono::milliseconds reconnect_interval_max{30'000};
};

struct SenderConfig {
  // Sightings sent and not yet acked, at most: after an outage the backlog
  // goes out this many at a time instead of all at once.
  std::size_t window = 32;
  // Unacked this long: everything in flight is sent again, and the wait
  // doubles up to ack_timeout_max while nothing gets acked.
  std::chrono::milliseconds ack_timeout{10'000};
  std::chrono::milliseconds ack_timeout_max{120'000};
  std::chrono::milliseconds heartbeat_interval{10'000};
};

struct SpoolConfig {
  std::filesystem::path dir = "/var/lib/anpr/spool";
  std::filesystem::path dead_letter_dir = "/var/lib/anpr/dead-letter";
  spool::SpoolOptions options;
};

struct EvidenceConfig {
  bool plate_jpeg = true;
  bool overview_jpeg = true;
  evidence::Options options;
};

struct EdgeConfig {
  std::string file;  // where it was read from, for reloads and messages
  std::string edge_id;
  std::string site_id;
  log::Options log;
  CentralConfig central;
  SenderConfig sender;
  SpoolConfig spool;
  // 127.0.0.1:<port> serves /metrics; 0 switches the endpoint off.
  int metrics_port = 9464;
  std::size_t workers = 1;
  engine::EngineOptions engine;
  track::TrackerOptions tracker;  // `direction` comes from each camera instead
  EvidenceConfig evidence;
  ClockConfig clock;
  // SIGTERM: how long capture, recognition and the final flush may take.
  std::chrono::milliseconds shutdown_timeout{10'000};
  std::vector<CameraConfig> cameras;
  YAML::Node source;  // the parsed file, to tell what a reload changed
};

// Reads and validates `path`. Throws config::ConfigError naming the file, the
// key and the problem, including for keys nobody reads.
EdgeConfig load_edge_config(const std::string& path);

// The same for text already in memory; `name` stands in for the file name.
EdgeConfig parse_edge_config(const std::string& text, const std::string& name);

}  // namespace anpr::daemon
