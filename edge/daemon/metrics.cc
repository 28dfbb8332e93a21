// Prometheus text exposition; see metrics.h.
#include "edge/daemon/metrics.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

#include "edge/capture/camera_status.h"

namespace anpr::daemon {

namespace {

// Counters exactly (a default stream would print 1234567 as 1.23457e+06),
// rates and seconds to the microsecond.
std::string number(double value) {
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 9e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
  }
  return buffer;
}

class Exposition {
 public:
  // The HELP and TYPE lines that open a metric family.
  void family(const char* name, const char* type, const char* help) {
    out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
  }

  void sample(const std::string& name, const std::string& labels, double value) {
    out_ << name;
    if (!labels.empty()) out_ << '{' << labels << '}';
    out_ << ' ' << number(value) << '\n';
  }

  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

std::string camera_label(const CameraSnapshot& camera) { return "camera=\"" + label_value(camera.camera_id) + "\""; }

}  // namespace

std::string label_value(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string render_metrics(const MetricsInputs& in) {
  Exposition x;
  auto per_camera = [&](const char* name, const char* type, const char* help,
                        const std::function<double(const CameraSnapshot&)>& value) {
    x.family(name, type, help);
    for (const auto& camera : in.cameras) x.sample(name, camera_label(camera), value(camera));
  };
  auto single = [&](const char* name, const char* type, const char* help, double value) {
    x.family(name, type, help);
    x.sample(name, "", value);
  };
  auto count = [](std::uint64_t v) { return static_cast<double>(v); };

  x.family("anpr_edge_build_info", "gauge", "Version of the running edge daemon.");
  x.sample("anpr_edge_build_info", "version=\"" + label_value(in.software_version) + "\"", 1);
  single("anpr_edge_uptime_seconds", "gauge", "Seconds since the daemon started.", in.uptime_seconds);

  per_camera("anpr_edge_frames_in_total", "counter", "Frames decoded from the camera.",
             [&](const CameraSnapshot& c) { return count(c.capture.frames_in); });
  per_camera("anpr_edge_frames_analysed_total", "counter", "Frames recognition read.",
             [&](const CameraSnapshot& c) { return count(c.frames_analysed); });
  per_camera("anpr_edge_frames_without_motion_total", "counter", "Frames the motion gate kept from recognition.",
             [&](const CameraSnapshot& c) { return count(c.frames_without_motion); });
  per_camera("anpr_edge_frames_dropped_total", "counter", "Frames dropped because the pipeline was behind.",
             [&](const CameraSnapshot& c) { return count(frames_dropped(c)); });
  per_camera("anpr_edge_plate_reads_total", "counter", "Plate reads recognition produced.",
             [&](const CameraSnapshot& c) { return count(c.plate_reads); });
  per_camera("anpr_edge_sightings_total", "counter", "Sightings (one per vehicle pass) spooled.",
             [&](const CameraSnapshot& c) { return count(c.sightings); });
  per_camera("anpr_edge_passes_pending", "gauge", "Vehicle passes being followed with enough reads to be reported.",
             [&](const CameraSnapshot& c) { return count(c.passes_pending); });
  per_camera("anpr_edge_recognition_errors_total", "counter", "Frames recognition failed on.",
             [&](const CameraSnapshot& c) { return count(c.recognition_errors); });
  per_camera("anpr_edge_recognition_cpu_seconds_total", "counter", "CPU time the workers spent reading the camera's frames.",
             [&](const CameraSnapshot& c) { return c.recognition_cpu_seconds; });
  per_camera("anpr_edge_camera_fps_in", "gauge", "Frames per second arriving from the camera.",
             [&](const CameraSnapshot& c) { return c.capture.fps_in; });
  per_camera("anpr_edge_camera_up", "gauge", "1 while the camera is streaming.", [&](const CameraSnapshot& c) {
    return c.enabled && c.capture.state == capture::CameraState::streaming ? 1.0 : 0.0;
  });
  x.family("anpr_edge_camera_state", "gauge", "1 for the camera's current state.");
  for (const auto& camera : in.cameras) {
    const char* state = camera.enabled ? capture::to_string(camera.capture.state) : "disabled";
    x.sample("anpr_edge_camera_state", camera_label(camera) + ",state=\"" + state + "\"", 1);
  }

  single("anpr_edge_spool_depth", "gauge", "Sightings in the spool not yet acked.", count(in.spool_depth));
  single("anpr_edge_spool_bytes", "gauge", "Bytes of the spool's segment files.", count(in.spool_bytes));
  single("anpr_edge_spool_appended_total", "counter", "Sightings appended to the spool.", count(in.spool.appended));
  single("anpr_edge_spool_dropped_total", "counter", "Unacked sightings deleted to keep the spool within its budget.",
         count(in.spool.dropped_by_budget));
  single("anpr_edge_spool_corrupt_records_total", "counter", "Spool records lost to damage on disk.",
         count(in.spool.corrupt_records_skipped));

  single("anpr_edge_sent_total", "counter", "Sighting messages sent to central, resends included.",
         count(in.sender.sent));
  single("anpr_edge_acked_total", "counter", "Sightings central acked.", count(in.sender.acked));
  single("anpr_edge_rejected_total", "counter", "Sightings central rejected for good (dead-lettered).",
         count(in.sender.rejected));
  single("anpr_edge_resend_rounds_total", "counter", "Ack timeouts after which the window was sent again.",
         count(in.sender.resend_rounds));
  single("anpr_edge_heartbeats_sent_total", "counter", "Heartbeats sent.", count(in.sender.heartbeats));
  single("anpr_edge_in_flight", "gauge", "Sightings sent and awaiting an ack.", count(in.sender.in_flight));

  x.family("anpr_edge_sighting_latency_seconds", "summary", "From a plate's first frame to its sighting being sent.");
  x.sample("anpr_edge_sighting_latency_seconds_sum", "", in.latency.sum_seconds);
  x.sample("anpr_edge_sighting_latency_seconds_count", "", count(in.latency.count));
  single("anpr_edge_sighting_latency_max_seconds", "gauge", "Largest first-frame-to-send latency so far.",
         in.latency.max_seconds);
  return x.text();
}

}  // namespace anpr::daemon
