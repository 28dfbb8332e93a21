// Reading edge.yaml into EdgeConfig; see edge_config.h. Each value is read
// with the range or choice that makes it usable, so the error names the key;
// the building blocks' own validate() runs last, as a backstop for rules that
// tie several keys together, and its message is attributed to the section.
#include "edge/daemon/edge_config.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "common/config/config.h"
#include "common/plate/plate_format.h"

namespace anpr::daemon {

namespace {

using config::ConfigError;
using config::Section;
using std::chrono::milliseconds;

constexpr int64_t kMaxPixel = 16384;

// Ids travel in every sighting and become database keys and alert topics;
// docs/protocol.md allows a-z, 0-9 and '-'.
std::string read_id(const Section& section, std::string_view key) {
  auto id = section.require<std::string>(key);
  bool ok = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!ok) section.fail(key, "must be 1 to 64 characters of a-z, 0-9 and '-', got '" + id + "'");
  return id;
}

// Runs a building block's validate(); its std::invalid_argument (or the
// tracker's TrackError) becomes a ConfigError on `key` of `section`.
template <typename Check>
void backstop(const Section& section, std::string_view key, Check check) {
  try {
    check();
  } catch (const ConfigError&) {
    throw;
  } catch (const std::exception& error) {
    section.fail(key, error.what());
  }
}

// A polygon written as [[x, y], [x, y], ...] in full-frame pixels.
std::vector<cv::Point> read_polygon(const Section& section, std::string_view key) {
  YAML::Node node = section.node(key);
  std::vector<cv::Point> points;
  if (!node.IsDefined() || node.IsNull()) return points;
  if (!node.IsSequence()) section.fail(key, "expected a list of [x, y] points");
  for (const auto& item : node) {
    if (!item.IsSequence() || item.size() != 2) section.fail(key, "every point must be [x, y]");
    int64_t xy[2];
    for (std::size_t i = 0; i < 2; ++i) {
      try {
        xy[i] = item[i].as<int64_t>();
      } catch (const YAML::Exception&) {
        section.fail(key, "point coordinates must be whole pixels, got '" + item[i].as<std::string>("?") + "'");
      }
      if (xy[i] < 0 || xy[i] > kMaxPixel) {
        section.fail(key, "point coordinates must be between 0 and " + std::to_string(kMaxPixel));
      }
    }
    points.emplace_back(static_cast<int>(xy[0]), static_cast<int>(xy[1]));
  }
  if (points.size() < 3) section.fail(key, "a polygon needs at least 3 points, got " + std::to_string(points.size()));
  return points;
}

motion::MotionOptions read_motion(const Section& s) {
  motion::MotionOptions m;
  m.work_width = static_cast<int>(s.get_int("work_width", m.work_width, 32, 1920));
  m.pixel_threshold = static_cast<int>(s.get_int("pixel_threshold", m.pixel_threshold, 1, 255));
  m.min_changed_fraction = s.get_double("min_changed_fraction", m.min_changed_fraction, 0.0, 1.0);
  m.min_region_pixels = static_cast<int>(s.get_int("min_region_pixels", m.min_region_pixels, 1, 1'000'000));
  m.background_rate = s.get_double("background_rate", m.background_rate, 0.001, 1.0);
  m.keepalive = s.get_duration("keepalive", m.keepalive);
  m.roi = read_polygon(s, "roi");
  backstop(s, "motion", [&] { motion::validate(m); });
  return m;
}

track::DirectionOptions read_direction(const Section& s) {
  track::DirectionOptions d;
  auto towards = s.get_choice("towards", "down", {"down", "up", "left", "right"});
  d.towards = towards == "down" ? track::ImageDirection::down
              : towards == "up" ? track::ImageDirection::up
              : towards == "left" ? track::ImageDirection::left
                                  : track::ImageDirection::right;
  d.camera_heading_deg = s.get_double("heading_deg", d.camera_heading_deg, 0.0, 359.999);
  return d;
}

std::vector<Lane> read_lanes(const Section& camera) {
  std::vector<Lane> lanes;
  std::set<std::uint32_t> numbers;
  for (const Section& s : camera.sections("lanes")) {
    Lane lane;
    if (!s.has("number")) s.fail("number", "is required but missing");
    lane.number = static_cast<std::uint32_t>(s.get_int("number", 1, 1, 99));
    if (!numbers.insert(lane.number).second) s.fail("number", "lane " + std::to_string(lane.number) + " is listed twice");
    lane.polygon = read_polygon(s, "polygon");
    if (lane.polygon.empty()) s.fail("polygon", "is required but missing");
    lanes.push_back(std::move(lane));
  }
  return lanes;
}

CameraConfig read_camera(const Section& s) {
  CameraConfig c;
  c.id = read_id(s, "id");
  c.enabled = s.get<bool>("enabled", true);
  auto& cap = c.capture;
  cap.camera_id = c.id;
  cap.url = s.require<std::string>("url");
  cap.max_fps = s.get_double("max_fps", 10.0, 0.0, 120.0);
  cap.open_timeout = s.get_duration("open_timeout", cap.open_timeout);
  cap.read_timeout = s.get_duration("read_timeout", cap.read_timeout);
  cap.pace = s.get_choice("replay", "native", {"native", "fast"}) == "fast" ? capture::ReplayPace::fast
                                                                           : capture::ReplayPace::native;
  cap.loop = s.get<bool>("loop", false);
  auto reconnect = s.section("reconnect");
  cap.backoff.initial = reconnect.get_duration("initial", cap.backoff.initial);
  cap.backoff.max = reconnect.get_duration("max", cap.backoff.max);
  backstop(s, "url", [&] { capture::validate(cap); });
  c.motion = read_motion(s.section("motion"));
  c.direction = read_direction(s.section("direction"));
  c.lanes = read_lanes(s);
  return c;
}

track::TrackerOptions read_tracking(const Section& s) {
  track::TrackerOptions t;
  auto micros = [](milliseconds ms) { return std::chrono::duration_cast<std::chrono::microseconds>(ms); };
  auto millis = [](std::chrono::microseconds us) { return std::chrono::duration_cast<milliseconds>(us); };
  t.max_gap = micros(s.get_duration("max_gap", millis(t.max_gap)));
  t.max_track_duration = micros(s.get_duration("max_track_duration", millis(t.max_track_duration)));
  // 0s switches early emission off: every pass is decided when it ends.
  auto max_delay = s.get_duration("max_delay", millis(*t.max_delay));
  t.max_delay = max_delay.count() == 0 ? std::nullopt : std::optional(micros(max_delay));
  t.early_min_frames = static_cast<std::size_t>(
      s.get_int("early_min_frames", static_cast<int64_t>(t.early_min_frames), 1, 1000));
  t.early_min_confidence = s.get_double("early_min_confidence", t.early_min_confidence, 0.0, 1.0);
  t.rearm_interval = micros(s.get_duration("rearm_interval", millis(t.rearm_interval)));
  t.min_frames = static_cast<std::size_t>(s.get_int("min_frames", static_cast<int64_t>(t.min_frames), 1, 1000));
  t.min_confidence = s.get_double("min_confidence", t.min_confidence, 0.0, 1.0);
  backstop(s, "tracking", [&] { track::validate(t); });
  return t;
}

engine::EngineOptions read_recognition(const Section& s, std::size_t* workers) {
  engine::EngineOptions e;
  *workers = static_cast<std::size_t>(s.get_int("workers", 1, 1, 64));
  e.country_hints = s.get<std::vector<std::string>>("country_hints", {"LV", "LT"});
  const auto& known = plate::countries();
  for (const auto& hint : e.country_hints) {
    if (std::find(known.begin(), known.end(), hint) == known.end()) {
      s.fail("country_hints", "'" + hint + "' is not a catalogued country (common/plate)");
    }
  }
  e.reader_kind = engine::parse_reader_kind(
      s.get_choice("reader", std::string(engine::reader_kind_name(e.reader_kind)), {"tesseract", "crnn"}));
  e.crnn_models = s.get<std::vector<std::string>>("models", e.crnn_models);
  if (e.crnn_models.empty()) s.fail("models", "names no model file");
  e.band_model = s.get<std::string>("band_model", e.band_model);
  if (e.band_model == "none") e.band_model.clear();
  e.verifier_model = s.get<std::string>("verifier_model", e.verifier_model);
  if (e.verifier_model == "none") e.verifier_model.clear();
  e.reader.tessdata_dir = s.get<std::string>("tessdata_dir", e.reader.tessdata_dir);
  e.reader.language = s.get<std::string>("language", e.reader.language);
  e.min_confidence = s.get_double("min_confidence", e.min_confidence, 0.0, 1.0);
  e.top_n = static_cast<std::size_t>(s.get_int("top_n", static_cast<int64_t>(e.top_n), 1, 5));
  return e;
}

EdgeConfig read(const config::Document& doc, YAML::Node source) {
  EdgeConfig c;
  c.file = doc.file();
  c.source = std::move(source);
  auto root = doc.root();
  c.edge_id = read_id(root, "edge_id");
  c.site_id = read_id(root, "site_id");
  c.log = log::read_options(root.section("log"));

  auto central = root.section("central");
  c.central.endpoint = central.require<std::string>("endpoint");
  c.central.allow_plaintext = central.get<bool>("allow_plaintext", false);
  c.central.server_public_key_file = central.get<std::string>("server_public_key_file", "");
  c.central.client_secret_key_file = central.get<std::string>("client_secret_key_file", "");
  if (!c.central.allow_plaintext) {
    if (c.central.server_public_key_file.empty()) central.require<std::string>("server_public_key_file");
    if (c.central.client_secret_key_file.empty()) central.require<std::string>("client_secret_key_file");
  } else if (!c.central.server_public_key_file.empty() || !c.central.client_secret_key_file.empty()) {
    central.fail("allow_plaintext", "is true while key files are configured; remove one or the other");
  }
  c.central.reconnect_interval = central.get_duration("reconnect_interval", c.central.reconnect_interval);
  c.central.reconnect_interval_max = central.get_duration("reconnect_interval_max", c.central.reconnect_interval_max);
  if (c.central.reconnect_interval.count() <= 0) central.fail("reconnect_interval", "must be positive");
  if (c.central.reconnect_interval_max < c.central.reconnect_interval) {
    central.fail("reconnect_interval_max", "must not be below reconnect_interval");
  }

  auto sender = root.section("sender");
  c.sender.window = static_cast<std::size_t>(sender.get_int("window", static_cast<int64_t>(c.sender.window), 1, 1024));
  c.sender.ack_timeout = sender.get_duration("ack_timeout", c.sender.ack_timeout);
  c.sender.ack_timeout_max = sender.get_duration("ack_timeout_max", c.sender.ack_timeout_max);
  if (c.sender.ack_timeout.count() <= 0) sender.fail("ack_timeout", "must be positive");
  if (c.sender.ack_timeout_max < c.sender.ack_timeout) sender.fail("ack_timeout_max", "must not be below ack_timeout");
  c.sender.heartbeat_interval = root.section("heartbeat").get_duration("interval", c.sender.heartbeat_interval);
  if (c.sender.heartbeat_interval.count() <= 0) root.section("heartbeat").fail("interval", "must be positive");

  auto spool = root.section("spool");
  c.spool.dir = spool.get<std::string>("dir", c.spool.dir.string());
  c.spool.dead_letter_dir = spool.get<std::string>("dead_letter_dir", c.spool.dead_letter_dir.string());
  c.spool.options.max_total_bytes = spool.get_bytes("max_size", c.spool.options.max_total_bytes);
  c.spool.options.segment_bytes = spool.get_bytes("segment_size", c.spool.options.segment_bytes);
  c.spool.options.group_commit_interval = spool.get_duration("group_commit", c.spool.options.group_commit_interval);
  backstop(spool, "max_size", [&] { spool::validate(c.spool.options); });

  c.metrics_port = static_cast<int>(root.section("metrics").get_int("port", c.metrics_port, 0, 65535));
  c.engine = read_recognition(root.section("recognition"), &c.workers);
  c.tracker = read_tracking(root.section("tracking"));

  auto evidence = root.section("evidence");
  c.evidence.plate_jpeg = evidence.get<bool>("plate_jpeg", true);
  c.evidence.overview_jpeg = evidence.get<bool>("overview_jpeg", true);
  auto& ev = c.evidence.options;
  ev.plate_target_bytes = evidence.get_bytes("plate_target", ev.plate_target_bytes);
  ev.overview_target_bytes = evidence.get_bytes("overview_target", ev.overview_target_bytes);
  ev.overview_max_width = static_cast<int>(evidence.get_int("overview_max_width", ev.overview_max_width, 160, 7680));
  if (ev.overview_target_bytes > (512u << 10)) evidence.fail("overview_target", "must be at most 512KiB");

  c.shutdown_timeout = root.section("shutdown").get_duration("timeout", c.shutdown_timeout);
  const config::Section clock = root.section("clock");
  if (clock.get_choice("source", "kernel", {"kernel", "host"}) == "host") c.clock.source = ClockConfig::Source::kHost;
  c.clock.assumed_error_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                 clock.get_duration("assumed_error", std::chrono::milliseconds(100)))
                                 .count();

  std::set<std::string> ids;
  for (const Section& camera : root.sections("cameras")) {
    c.cameras.push_back(read_camera(camera));
    if (!ids.insert(c.cameras.back().id).second) camera.fail("id", "camera '" + c.cameras.back().id + "' is listed twice");
  }
  if (c.cameras.empty()) root.fail("cameras", "at least one camera is required");
  doc.check_unknown();
  return c;
}

}  // namespace

EdgeConfig load_edge_config(const std::string& path) {
  auto doc = config::Document::load(path);
  return read(doc, YAML::LoadFile(path));
}

EdgeConfig parse_edge_config(const std::string& text, const std::string& name) {
  auto doc = config::Document::parse(text, name);
  return read(doc, YAML::Load(text));
}

}  // namespace anpr::daemon
