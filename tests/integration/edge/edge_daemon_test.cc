// The real anpr-edge binary end to end: a synthetic clip of vehicles with
// rendered plates (tools/synth) served by a real RTSP server, the daemon as a
// child process, and an in-test central (SecureRouter + ZAP) on 127.0.0.1
// that acks what it gets. Every wait is bounded; the bounds are generous
// because the test machine may be busy, and what they guard is "it happens",
// not "it happens fast" (the benchmark measures speed).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <sstream>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "anpr/v1/sighting.pb.h"
#include "common/transport/curve_keys.h"
#include "common/transport/key_files.h"
#include "edge/spool/spool.h"
#include "tests/integration/capture/rtsp_server.h"
#include "tests/integration/edge/edge_process.h"
#include "tests/integration/edge/metrics_client.h"
#include "tests/integration/edge/synth_clip.h"
#include "tests/integration/edge/test_central.h"
#include "tests/support/temp_dir.h"

namespace anpr::testing {
namespace {

using namespace std::chrono_literals;
using transport::CurveKeyPair;

constexpr const char* kEdgeId = "test-edge-1";
constexpr const char* kCamera = "anpr_edge_camera_state{camera=\"gate-1\",state=\"";

// The clip every test uses: three vehicles, a few seconds apart, at a size
// and rate that render in seconds and read in tens of milliseconds per frame.
constexpr const char* kClipName = "edge-three-vehicles-640x480-10fps";
constexpr const char* kVehicles = "LV:AB-1234,LT:ABC 123,LV:KM-4529";

// What a test changes in the daemon's configuration.
struct EdgeSettings {
  std::string camera_url;
  std::string reconnect_initial = "200ms";
  std::string reconnect_max = "1s";
  std::string max_delay = "2s";
  // Empty: the tracker's own default (not written to the file).
  std::string max_gap;
  std::string max_track_duration;
  std::string log_level = "info";
  std::string site_id = "test-site";
  double max_fps = 10;
};

class EdgeDaemonTest : public ::testing::Test {
 protected:
  ::anpr::testing::TempDir scratch;
  CurveKeyPair server_keys = transport::generate_curve_key_pair();
  CurveKeyPair edge_keys = transport::generate_curve_key_pair();
  int central_port = free_port();
  int metrics_port = free_port();
  std::filesystem::path spool_dir = scratch.path() / "spool";
  std::string log_path = (scratch.path() / "edge.log").string();

  void SetUp() override {
    std::filesystem::create_directories(scratch.path() / "keys");
    transport::save_key_pair(server_keys, scratch.path() / "keys", "central", false);
    transport::save_key_pair(edge_keys, scratch.path() / "keys", kEdgeId, false);
  }

  void TearDown() override {
    if (HasFailure()) std::cerr << "---- anpr-edge log ----\n" << file_text(log_path);
  }

  std::string config_text(const EdgeSettings& s) const {
    auto keys = scratch.path() / "keys";
    std::ostringstream y;
    y << "edge_id: " << kEdgeId << "\nsite_id: " << s.site_id << "\nlog: {level: " << s.log_level << "}\n"
      << "central:\n  endpoint: tcp://127.0.0.1:" << central_port << "\n"
      << "  server_public_key_file: " << (keys / "central.key").string() << "\n"
      << "  client_secret_key_file: " << (keys / (std::string(kEdgeId) + ".key_secret")).string() << "\n"
      << "  reconnect_interval: 200ms\n  reconnect_interval_max: 1s\n"
      << "sender: {window: 8, ack_timeout: 3s, ack_timeout_max: 6s}\n"
      << "heartbeat: {interval: 1s}\n"
      << "spool: {dir: " << spool_dir.string() << ", dead_letter_dir: " << (scratch.path() / "dead").string() << "}\n"
      << "metrics: {port: " << metrics_port << "}\n"
      << "recognition: {workers: 2}\n"
      << "tracking: {max_delay: " << s.max_delay
      << (s.max_gap.empty() ? "" : ", max_gap: " + s.max_gap)
      << (s.max_track_duration.empty() ? "" : ", max_track_duration: " + s.max_track_duration) << "}\n"
      << "shutdown: {timeout: 15s}\n"
      << "cameras:\n  - id: gate-1\n    url: " << s.camera_url << "\n    max_fps: " << s.max_fps << "\n"
      << "    read_timeout: 2s\n    open_timeout: 5s\n"
      << "    reconnect: {initial: " << s.reconnect_initial << ", max: " << s.reconnect_max << "}\n";
    return y.str();
  }

  std::string write_config(const EdgeSettings& settings, const std::string& name = "edge.yaml") const {
    auto path = (scratch.path() / name).string();
    std::ofstream(path) << config_text(settings);
    return path;
  }

  std::unique_ptr<TestCentral> start_central() {
    return std::make_unique<TestCentral>(central_port, server_keys, transport::AllowList{{edge_keys.public_key, kEdgeId}});
  }

  std::unique_ptr<EdgeProcess> start_edge(const std::string& config, const std::vector<std::string>& env = {}) {
    return std::make_unique<EdgeProcess>(std::vector<std::string>{"--config", config}, log_path, env);
  }

  double m(const std::string& series) const { return metric(metrics_port, series).value_or(-1); }
  bool camera_state(const std::string& state) const { return m(kCamera + state + "\"}") == 1; }

  // Every sighting in the spool directory, oldest first (the daemon must be
  // stopped: the spool is locked while it runs).
  std::vector<v1::Sighting> spooled() const {
    auto spool = spool::Spool::open(spool_dir);
    std::vector<v1::Sighting> out;
    for (const auto& record : spool->next_unsent(100'000)) {
      v1::Sighting sighting;
      EXPECT_TRUE(sighting.ParseFromString(record.payload)) << "spool record " << record.seq;
      out.push_back(sighting);
    }
    return out;
  }

  static void stop_edge(EdgeProcess& edge) {
    edge.signal(SIGTERM);
    auto status = edge.wait(30s);
    ASSERT_TRUE(status.has_value()) << "anpr-edge did not exit within 30 s of SIGTERM";
    EXPECT_EQ(*status, 0);
  }
};

// The clip, or a skip when the generator is not installed.
#define REQUIRE_CLIP(clip)                                                       \
  std::string clip##_missing;                                                    \
  auto clip = synth_clip(kClipName, kVehicles, "640x480", 10, &clip##_missing); \
  if (!clip) GTEST_SKIP() << "clip generator unavailable: " << clip##_missing

std::multiset<std::string> texts(const std::vector<v1::Sighting>& sightings) {
  std::multiset<std::string> out;
  for (const auto& s : sightings) out.insert(s.plate_text());
  return out;
}

TEST_F(EdgeDaemonTest, ClipWithVehiclesGivesOneSightingPerVehicle) {
  REQUIRE_CLIP(clip);
  auto central = start_central();
  RtspServer camera({"--file", clip->path});  // played once per connection
  // No second connection (and so no replay of the clip) during the test.
  EdgeSettings settings{camera.url()};
  settings.reconnect_initial = settings.reconnect_max = "60s";
  auto edge = start_edge(write_config(settings));

  ASSERT_TRUE(eventually([&] { return camera_state("streaming"); }, 60s)) << "camera never streamed";
  ASSERT_TRUE(eventually([&] { return !camera_state("streaming"); }, 60s)) << "the clip never ended";
  camera.kill();
  EXPECT_GE(m("anpr_edge_frames_in_total{camera=\"gate-1\"}"), 0.9 * clip->frames);
  ASSERT_TRUE(eventually([&] { return central->sightings().size() >= clip->plates.size(); }, 30s))
      << "only " << central->sightings().size() << " sightings for " << clip->plates.size() << " vehicles";
  std::this_thread::sleep_for(3s);  // anything more would be a duplicate
  auto metrics = scrape(metrics_port).value_or("");
  stop_edge(*edge);

  auto sightings = central->sightings();
  ASSERT_EQ(sightings.size(), clip->plates.size()) << "one sighting per vehicle pass, no duplicates";
  EXPECT_EQ(central->distinct_sightings(), clip->plates.size());
  auto expected = std::multiset<std::string>(clip->plates.begin(), clip->plates.end());
  std::size_t correct = 0;
  for (const auto& text : texts(sightings)) correct += expected.count(text) ? 1 : 0;
  RecordProperty("plates_read_correctly", std::to_string(correct) + "/" + std::to_string(expected.size()));
  EXPECT_EQ(texts(sightings), expected) << "text accuracy " << correct << "/" << expected.size();

  for (const auto& s : sightings) {
    SCOPED_TRACE(s.plate_text());
    EXPECT_EQ(s.event_id().size(), 16u);
    EXPECT_EQ(s.edge_id(), kEdgeId);
    EXPECT_EQ(s.camera_id(), "gate-1");
    EXPECT_EQ(s.site_id(), "test-site");
    auto now_us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    EXPECT_GT(s.captured_at_us(), now_us - 120'000'000);
    EXPECT_LE(s.captured_at_us(), now_us);
    EXPECT_NE(s.clock_sync().state(), v1::CLOCK_SYNC_STATE_UNSPECIFIED);
    EXPECT_GE(s.read_confidence(), 0.5f);
    ASSERT_GE(s.candidates_size(), 1);
    EXPECT_EQ(s.candidates(0).text(), s.plate_text());
    EXPECT_EQ(s.frame_width(), 640u);
    EXPECT_EQ(s.frame_height(), 480u);
    EXPECT_GT(s.plate_box().width(), 0u);
    EXPECT_EQ(s.plate_corners_size(), 4);
    EXPECT_EQ(s.direction(), v1::DIRECTION_APPROACHING) << "vehicles drive towards the camera";
    EXPECT_GE(s.frames_seen(), 3u);
    ASSERT_GE(s.plate_jpeg().size(), 2u);
    EXPECT_EQ(s.plate_jpeg().substr(0, 2), "\xFF\xD8");
    ASSERT_GE(s.overview_jpeg().size(), 2u);
    EXPECT_EQ(s.overview_jpeg().substr(0, 2), "\xFF\xD8");
    EXPECT_EQ(s.engine_version().rfind("anpr-engine/", 0), 0u);
  }
  EXPECT_EQ(central->foreign_messages(), 0u);

  ASSERT_GE(central->heartbeats(), 1u);
  auto heartbeat = central->last_heartbeat();
  EXPECT_EQ(heartbeat.edge_id(), kEdgeId);
  EXPECT_FALSE(heartbeat.software_version().empty());
  ASSERT_EQ(heartbeat.cameras_size(), 1);
  EXPECT_EQ(heartbeat.cameras(0).camera_id(), "gate-1");

  EXPECT_EQ(sample(metrics, "anpr_edge_sightings_total{camera=\"gate-1\"}"), double(clip->plates.size()));
  EXPECT_EQ(sample(metrics, "anpr_edge_acked_total"), double(clip->plates.size()));
  EXPECT_EQ(sample(metrics, "anpr_edge_spool_depth"), 0.0);
  EXPECT_GT(sample(metrics, "anpr_edge_frames_analysed_total{camera=\"gate-1\"}").value_or(0), 0.0);
  EXPECT_GT(sample(metrics, "anpr_edge_frames_without_motion_total{camera=\"gate-1\"}").value_or(0), 0.0)
      << "the empty road between vehicles should not reach recognition";
  EXPECT_EQ(sample(metrics, "anpr_edge_sighting_latency_seconds_count"), double(clip->plates.size()));
}

TEST_F(EdgeDaemonTest, ReconnectsWhenTheRtspServerComesBack) {
  REQUIRE_CLIP(clip);
  auto central = start_central();
  auto camera = std::make_unique<RtspServer>(std::vector<std::string>{"--file", clip->path, "--loop"});
  const int port = camera->port();
  auto edge = start_edge(write_config({camera->url()}));

  ASSERT_TRUE(eventually([&] { return !central->sightings().empty(); }, 60s)) << "no sighting before the outage";
  camera.reset();  // SIGKILL: the camera lost power
  ASSERT_TRUE(eventually([&] { return camera_state("reconnecting"); }, 20s)) << "the outage was not noticed";
  const auto before = central->sightings().size();
  const double frames_before = m("anpr_edge_frames_in_total{camera=\"gate-1\"}");

  camera = std::make_unique<RtspServer>(std::vector<std::string>{"--file", clip->path, "--loop", "--port",
                                                                 std::to_string(port)});
  ASSERT_TRUE(eventually([&] { return camera_state("streaming"); }, 30s)) << "no reconnect";
  EXPECT_TRUE(eventually([&] { return m("anpr_edge_frames_in_total{camera=\"gate-1\"}") > frames_before + 20; }, 20s));
  EXPECT_TRUE(eventually([&] { return central->sightings().size() > before; }, 40s))
      << "no sighting after the camera came back";
  EXPECT_TRUE(edge->logged("reconnecting")) << "the state change was not logged";
  stop_edge(*edge);
}

TEST_F(EdgeDaemonTest, SpoolsWhileCentralIsAwayAndDeliversInOrderAfterwards) {
  REQUIRE_CLIP(clip);
  RtspServer camera({"--file", clip->path, "--loop"});
  auto edge = start_edge(write_config({camera.url()}));

  ASSERT_TRUE(eventually([&] { return m("anpr_edge_spool_depth") >= 3; }, 90s)) << "sightings did not pile up";
  EXPECT_EQ(m("anpr_edge_acked_total"), 0);
  EXPECT_EQ(m("anpr_edge_sent_total"), 0) << "nothing may leave while central is unreachable";
  const auto backlog = static_cast<std::size_t>(m("anpr_edge_spool_depth"));

  auto central = start_central();
  ASSERT_TRUE(eventually([&] { return central->distinct_sightings() >= backlog; }, 30s))
      << central->distinct_sightings() << " of " << backlog << " spooled sightings delivered";
  ASSERT_TRUE(eventually([&] { return m("anpr_edge_spool_depth") == 0; }, 30s)) << "acks did not empty the spool";

  // In spool order: event ids are UUIDv7, so their leading 48 bits (the
  // creation millisecond) never decrease from one first arrival to the next.
  std::set<std::string> seen;
  std::string previous_prefix;
  for (const auto& s : central->sightings()) {
    if (!seen.insert(s.event_id()).second) continue;
    auto prefix = s.event_id().substr(0, 6);
    EXPECT_GE(prefix, previous_prefix) << "sightings delivered out of order";
    previous_prefix = prefix;
  }
  std::this_thread::sleep_for(4s);  // longer than the ack timeout: a resend would show now
  EXPECT_EQ(central->received_after_answer(), 0u) << "a sighting came again after its ack";
  stop_edge(*edge);
}

TEST_F(EdgeDaemonTest, KillNineLosesNothingThatWasSpooled) {
  REQUIRE_CLIP(clip);
  RtspServer camera({"--file", clip->path, "--loop"});
  auto config = write_config({camera.url()});
  auto edge = start_edge(config);
  ASSERT_TRUE(eventually([&] { return m("anpr_edge_spool_depth") >= 2; }, 90s)) << "sightings did not pile up";
  edge->kill9();

  std::set<std::string> spooled_ids;
  for (const auto& s : spooled()) spooled_ids.insert(s.event_id());
  ASSERT_GE(spooled_ids.size(), 2u);

  auto central = start_central();
  edge = start_edge(config);
  auto all_delivered = [&] {
    std::set<std::string> received;
    for (const auto& s : central->sightings()) received.insert(s.event_id());
    return std::includes(received.begin(), received.end(), spooled_ids.begin(), spooled_ids.end());
  };
  EXPECT_TRUE(eventually(all_delivered, 60s)) << "a sighting spooled before kill -9 never arrived";
  stop_edge(*edge);
}

TEST_F(EdgeDaemonTest, RejectedSightingGoesToDeadLetterAndIsNotResent) {
  REQUIRE_CLIP(clip);
  auto central = start_central();
  const std::string refused = clip->plates.front();
  central->reject_plates({refused});
  RtspServer camera({"--file", clip->path, "--loop"});
  auto edge = start_edge(write_config({camera.url()}));

  ASSERT_TRUE(eventually([&] { return central->rejects_sent() >= 1; }, 60s)) << "nothing to reject arrived";
  ASSERT_TRUE(eventually([&] { return m("anpr_edge_rejected_total") >= 1; }, 10s));
  std::this_thread::sleep_for(4s);  // longer than the ack timeout: a resend would show now
  EXPECT_EQ(central->received_after_answer(), 0u) << "a rejected sighting was sent again";
  EXPECT_TRUE(eventually([&] { return m("anpr_edge_spool_depth") == 0; }, 10s)) << "the rejected sighting stayed in the spool";
  EXPECT_TRUE(edge->logged("sender_rejected reason=REJECT_REASON_INVALID_FIELD"));

  std::size_t letters = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scratch.path() / "dead")) {
    if (entry.path().extension() != ".sighting") continue;
    ++letters;
    v1::Sighting sighting;
    ASSERT_TRUE(sighting.ParseFromString(file_text(entry.path().string())));
    EXPECT_EQ(sighting.plate_text(), refused);
    auto reason = entry.path();
    EXPECT_NE(file_text(reason.replace_extension(".reason").string()).find("INVALID_FIELD"), std::string::npos);
  }
  EXPECT_GE(letters, 1u);
  stop_edge(*edge);
}

TEST_F(EdgeDaemonTest, UnknownCurveKeyIsRefusedAndNothingGetsThrough) {
  const CurveKeyPair stranger = transport::generate_curve_key_pair();
  TestCentral central(central_port, server_keys, {{stranger.public_key, kEdgeId}});
  // No camera needed: the daemon tries to send heartbeats from the start.
  auto edge = start_edge(write_config({"rtsp://127.0.0.1:" + std::to_string(free_port()) + "/none"}));

  ASSERT_TRUE(eventually([&] { return central.refused() >= 1; }, 30s)) << "the handshake was never refused";
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(central.heartbeats(), 0u);
  EXPECT_TRUE(central.sightings().empty());
  EXPECT_EQ(m("anpr_edge_heartbeats_sent_total"), 0);
  EXPECT_TRUE(edge->logged("dealer_refused")) << "the edge did not say why it is not getting through";
  stop_edge(*edge);
}

TEST_F(EdgeDaemonTest, SigtermFlushesTheLiveTrackIntoTheSpool) {
  REQUIRE_CLIP(clip);
  RtspServer camera({"--file", clip->path, "--loop"});
  EdgeSettings settings{camera.url()};
  settings.max_delay = "0s";  // no early emission: a pass is only reported when it ends
  // Nor by its frames alone: on a slow box the frames still in recognition
  // at SIGTERM can carry the pass past a 1 s gap, ending it as `gap` before
  // the shutdown's flush would.
  settings.max_gap = "20s";
  settings.max_track_duration = "40s";
  auto edge = start_edge(write_config(settings));

  ASSERT_TRUE(eventually(
      [&] {
        return m("anpr_edge_passes_pending{camera=\"gate-1\"}") >= 1 && m("anpr_edge_sightings_total{camera=\"gate-1\"}") == 0;
      },
      60s))
      << "the first vehicle was not being read";
  stop_edge(*edge);

  EXPECT_TRUE(edge->logged("reason=flush")) << "the live track was not flushed at SIGTERM";
  EXPECT_TRUE(edge->logged("edge_stopped"));
  auto sightings = spooled();
  ASSERT_GE(sightings.size(), 1u) << "the flushed sighting is not in the spool";
  // The looped clip's first vehicle may have passed before the stream was up
  // on a slow box: the flushed pass is one of its vehicles, read right.
  EXPECT_NE(std::ranges::find(clip->plates, sightings.front().plate_text()), clip->plates.end())
      << "flushed " << sightings.front().plate_text() << ", no vehicle of the clip";
}

TEST_F(EdgeDaemonTest, BadConfigurationStopsStartWithTheKeyNamed) {
  EdgeSettings good{"rtsp://127.0.0.1:8554/stream"};
  const std::string base = config_text(good);
  struct Case {
    std::string text;
    std::string key;
  };
  const std::vector<Case> cases{
      {base + "wokers: 2\n", "wokers: unknown key"},
      {base.substr(base.find('\n') + 1), "edge_id: is required"},
      {base + "    lanes: [{number: 1, polygon: [[0, 0], [10, 10]]}]\n", "cameras[0].lanes[0].polygon"},
      {base + "    motion: {pixel_threshold: 300}\n", "cameras[0].motion.pixel_threshold"},
      {base + "    direction: {towards: sideways}\n", "cameras[0].direction.towards"},
      {[&] { auto t = base; t.replace(t.find("rtsp://"), 7, "ftp://"); return t; }(), "cameras[0].url"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.key);
    auto path = (scratch.path() / "bad.yaml").string();
    std::ofstream(path) << c.text;
    std::string output;
    EXPECT_EQ(run_edge({"--config", path}, log_path + ".bad", &output, 20s), 2);
    EXPECT_NE(output.find(c.key), std::string::npos) << output;
    EXPECT_NE(output.find("bad.yaml"), std::string::npos) << "the file is not named: " << output;
  }

  std::string output;
  EXPECT_EQ(run_edge({"--config", write_config(good), "--check-config"}, log_path + ".check", &output, 20s), 0)
      << output;
  EXPECT_EQ(run_edge({"--config", (scratch.path() / "absent.yaml").string()}, log_path + ".absent", &output, 20s), 2);
  EXPECT_NE(output.find("absent.yaml"), std::string::npos) << output;

  std::filesystem::remove(scratch.path() / "keys" / (std::string(kEdgeId) + ".key_secret"));
  EXPECT_EQ(run_edge({"--config", write_config(good)}, log_path + ".nokey", &output, 20s), 1);
  EXPECT_NE(output.find(std::string(kEdgeId) + ".key_secret"), std::string::npos) << "the key file is not named: "
                                                                                   << output;
}

// systemd's side of sd_notify: a datagram socket the daemon reports to.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind");
    timeval timeout{0, 100'000};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~NotifySocket() { ::close(fd_); }

  // Waits up to `timeout` for a datagram containing `state`.
  bool expect(const std::string& state, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      char buffer[512];
      ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0 && std::string(buffer, static_cast<std::size_t>(n)).find(state) != std::string::npos) return true;
    }
    return false;
  }

 private:
  std::filesystem::path path_;
  int fd_;
};

TEST_F(EdgeDaemonTest, TalksToSystemdAndReloadsOnSighup) {
  auto central = start_central();
  NotifySocket systemd(scratch.path() / "notify.sock");
  EdgeSettings settings{"rtsp://127.0.0.1:" + std::to_string(free_port()) + "/none"};
  auto config = write_config(settings);
  auto edge = start_edge(config, {"NOTIFY_SOCKET=" + (scratch.path() / "notify.sock").string(),
                                  "WATCHDOG_USEC=1000000"});

  ASSERT_TRUE(systemd.expect("READY=1", 60s));
  EXPECT_TRUE(systemd.expect("WATCHDOG=1", 5s)) << "no watchdog ping within the watchdog period";
  EXPECT_TRUE(systemd.expect("WATCHDOG=1", 5s)) << "the watchdog ping is not repeated";

  settings.max_fps = 5;
  settings.log_level = "debug";
  settings.site_id = "another-site";
  write_config(settings);
  edge->signal(SIGHUP);
  EXPECT_TRUE(systemd.expect("RELOADING=1", 10s));
  EXPECT_TRUE(systemd.expect("READY=1", 10s));
  EXPECT_TRUE(eventually([&] { return edge->logged("reload_done"); }, 10s));
  EXPECT_TRUE(edge->logged("reload_applied key=cameras[0].max_fps"));
  EXPECT_TRUE(edge->logged("reload_applied key=log.level"));
  EXPECT_TRUE(edge->logged("reload_not_applied key=site_id"));

  std::ofstream(config) << "edge_id: [broken\n";
  edge->signal(SIGHUP);
  EXPECT_TRUE(eventually([&] { return edge->logged("reload_failed"); }, 10s));
  EXPECT_TRUE(scrape(metrics_port).has_value()) << "a bad reload must leave the daemon running";

  edge->signal(SIGTERM);
  EXPECT_TRUE(systemd.expect("STOPPING=1", 10s));
  auto status = edge->wait(30s);
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, 0);
}

}  // namespace
}  // namespace anpr::testing
