// The edge daemon's pure parts, without cameras or a central: configuration
// and its reload plan, frame sequencing, the delivery window's rules,
// sighting and heartbeat contents, clock classification, metrics text, the
// HTTP responder, sd_notify over a real unix socket, lanes, evidence
// retention and the dead-letter files.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/timex.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "anpr/wire.h"
#include "common/config/config.h"
#include "edge/daemon/clock_sync.h"
#include "edge/daemon/config_reload.h"
#include "edge/daemon/dead_letter.h"
#include "edge/daemon/delivery_window.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/evidence_keeper.h"
#include "edge/daemon/frame_sequencer.h"
#include "edge/daemon/heartbeat.h"
#include "edge/daemon/lanes.h"
#include "edge/daemon/metrics.h"
#include "edge/daemon/metrics_server.h"
#include "edge/daemon/sd_notify.h"
#include "edge/daemon/send_latency.h"
#include "edge/daemon/sighting_builder.h"
#include "edge/daemon/track_input.h"
#include "tests/support/temp_dir.h"

namespace anpr::daemon {
namespace {

using namespace std::chrono_literals;

constexpr const char* kMinimal = R"(
edge_id: karsava-1
site_id: karsava
central:
  endpoint: tcp://127.0.0.1:7100
  server_public_key_file: /etc/anpr/keys/central.key
  client_secret_key_file: /etc/anpr/keys/karsava-1.key_secret
cameras:
  - id: gate-1
    url: rtsp://10.0.0.7/stream
)";

std::string config_error(const std::string& text) {
  try {
    parse_edge_config(text, "edge.yaml");
  } catch (const config::ConfigError& error) {
    return error.what();
  }
  return "";
}

// ---- configuration ----

TEST(EdgeConfig, MinimalFileGetsWorkingDefaults) {
  auto c = parse_edge_config(kMinimal, "edge.yaml");
  EXPECT_EQ(c.edge_id, "karsava-1");
  EXPECT_EQ(c.workers, 1u);
  EXPECT_EQ(c.sender.window, 32u);
  EXPECT_EQ(c.sender.heartbeat_interval, 10s);
  EXPECT_EQ(c.metrics_port, 9464);
  EXPECT_EQ(c.engine.country_hints, (std::vector<std::string>{"LV", "LT"}));
  EXPECT_EQ(c.engine.reader_kind, engine::ReaderKind::crnn);
  EXPECT_EQ(c.engine.crnn_models, engine::default_crnn_models());
  EXPECT_EQ(parse_edge_config(std::string(kMinimal) + "recognition: {models: [/opt/anpr/plate.onnx]}\n", "edge.yaml")
                .engine.crnn_models,
            std::vector<std::string>{"/opt/anpr/plate.onnx"});
  EXPECT_EQ(c.engine.band_model, engine::default_band_model());
  EXPECT_EQ(parse_edge_config(std::string(kMinimal) + "recognition: {band_model: none}\n", "edge.yaml").engine.band_model,
            "");
  EXPECT_EQ(c.engine.verifier_model, engine::default_verifier_model());
  EXPECT_EQ(parse_edge_config(std::string(kMinimal) + "recognition: {verifier_model: none}\n", "edge.yaml")
                .engine.verifier_model,
            "");
  ASSERT_EQ(c.cameras.size(), 1u);
  EXPECT_EQ(c.cameras[0].capture.camera_id, "gate-1");
  EXPECT_EQ(c.cameras[0].capture.max_fps, 10.0);
  EXPECT_TRUE(c.cameras[0].enabled);
  EXPECT_TRUE(c.cameras[0].lanes.empty());
  EXPECT_TRUE(c.tracker.max_delay.has_value());
}

TEST(EdgeConfig, TheExampleFileIsValidAndReadsEveryKey) {
  auto c = load_edge_config(ANPR_EXAMPLE_CONFIG);
  ASSERT_EQ(c.cameras.size(), 2u);
  EXPECT_FALSE(c.cameras[1].enabled);
  ASSERT_EQ(c.cameras[0].lanes.size(), 2u);
  EXPECT_EQ(c.cameras[0].lanes[1].number, 2u);
  EXPECT_EQ(c.cameras[0].motion.roi.size(), 4u);
  EXPECT_EQ(c.cameras[0].direction.camera_heading_deg, 180.0);
}

TEST(EdgeConfig, ErrorsNameTheKey) {
  std::string base = kMinimal;
  EXPECT_EQ(config_error(base + "wokers: 4\n"), "edge.yaml: wokers: unknown key");
  EXPECT_NE(config_error(base + "    max_fps: -2\n").find("cameras[0].max_fps"), std::string::npos);
  EXPECT_EQ(config_error(base + "recognition: {models: []}\n"), "edge.yaml: recognition.models: names no model file");
  EXPECT_NE(config_error(base + "recognition: {country_hints: [XX]}\n").find("recognition.country_hints"),
            std::string::npos);
  EXPECT_NE(config_error(base + "sender: {ack_timeout: 10s, ack_timeout_max: 5s}\n").find("sender.ack_timeout_max"),
            std::string::npos);
  EXPECT_NE(config_error(base + "    lanes: [{number: 1, polygon: [[0, 0], [5, 5], [0, 5]]}, "
                                "{number: 1, polygon: [[0, 0], [5, 5], [0, 5]]}]\n")
                .find("cameras[0].lanes[1].number"),
            std::string::npos);
  EXPECT_NE(config_error(base + "    motion: {roi: [[0, 0], [1, x]]}\n").find("cameras[0].motion.roi"),
            std::string::npos);
  EXPECT_NE(config_error(base + "  - id: gate-1\n    url: /tmp/clip.mp4\n").find("cameras[1].id"), std::string::npos);
  EXPECT_NE(config_error(std::string(kMinimal).replace(std::string(kMinimal).find("karsava-1"), 9, "Karsava_1"))
                .find("edge_id"),
            std::string::npos);
}

TEST(EdgeConfig, PlaintextNeedsTheSwitchAndNoKeys) {
  const char* plain = "edge_id: e\nsite_id: s\ncentral: {endpoint: 'tcp://127.0.0.1:1'}\ncameras: [{id: c, url: /x.mp4}]\n";
  EXPECT_NE(config_error(plain).find("central.server_public_key_file: is required"), std::string::npos);
  std::string allowed = std::string(plain).replace(std::string(plain).find("}"), 1, ", allow_plaintext: true}");
  EXPECT_EQ(config_error(allowed), "");
}

TEST(ConfigReload, OnlyLogLevelFpsAndMotionApplyAtOnce) {
  auto running = YAML::Load("edge_id: a\nlog: {level: info}\ncameras: [{id: c, max_fps: 10, url: u}]\n");
  auto fresh = YAML::Load(
      "edge_id: b\nlog: {level: debug}\ncameras: [{id: c, max_fps: 5, url: u, motion: {pixel_threshold: 30}}]\n");
  auto plan = plan_reload(running, running, fresh);
  EXPECT_EQ(plan.applied, (std::vector<std::string>{"cameras[0].max_fps", "cameras[0].motion.pixel_threshold",
                                                     "log.level"}));
  EXPECT_EQ(plan.needs_restart, std::vector<std::string>{"edge_id"});

  // A second reload without edits applies nothing new but still owes a restart.
  auto again = plan_reload(running, fresh, fresh);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.needs_restart, std::vector<std::string>{"edge_id"});

  auto added_camera = YAML::Load("edge_id: a\nlog: {level: info}\ncameras: [{id: c, max_fps: 10, url: u}, {id: d}]\n");
  EXPECT_EQ(plan_reload(running, running, added_camera).needs_restart, std::vector<std::string>{"cameras"});
  EXPECT_FALSE(reloadable("log.format"));
  EXPECT_TRUE(reloadable("cameras[3].motion.roi[0][1]"));
  EXPECT_FALSE(reloadable("cameras[0].url"));
}

// ---- sequencing and delivery ----

TEST(FrameSequencer, ReleasesInOrderWhateverOrderOutcomesArriveIn) {
  FrameSequencer<int> sequencer;
  sequencer.put(2, 20);
  sequencer.put(1, 10);
  EXPECT_TRUE(sequencer.take_ready().empty());
  EXPECT_EQ(sequencer.waiting(), 2u);
  sequencer.put(0, 0);
  EXPECT_EQ(sequencer.take_ready(), (std::vector<int>{0, 10, 20}));
  sequencer.put(4, 40);
  EXPECT_TRUE(sequencer.take_ready().empty());
  sequencer.put(3, 30);
  EXPECT_EQ(sequencer.take_ready(), (std::vector<int>{30, 40}));
  EXPECT_THROW(sequencer.put(3, 0), std::logic_error);
}

PendingSighting pending(std::uint64_t seq) { return {seq, std::string(15, 'e') + char('a' + seq), "p", 0, {}}; }

TEST(DeliveryWindow, BoundsWhatIsInFlight) {
  DeliveryWindow window(2, 1s, 4s);
  EXPECT_EQ(window.room(), 2u);
  window.add(pending(1));
  window.add(pending(2));
  EXPECT_EQ(window.room(), 0u);
  auto now = DeliveryWindow::Clock::now();
  ASSERT_NE(window.next_unsent(), nullptr);
  EXPECT_EQ(window.next_unsent()->seq, 1u);
  window.mark_sent(1, 7, now);
  EXPECT_EQ(window.next_unsent()->seq, 2u);
  window.mark_sent(2, 8, now);
  EXPECT_EQ(window.next_unsent(), nullptr);
  EXPECT_EQ(window.in_flight(), 2u);
}

TEST(DeliveryWindow, AcksInAnyOrderAndCountsUnknownOnes) {
  DeliveryWindow window(4, 1s, 4s);
  for (std::uint64_t seq : {1, 2, 3}) window.add(pending(seq));
  v1::Ack ack;
  ack.add_event_ids(pending(3).event_id);
  ack.add_event_ids(pending(1).event_id);
  ack.add_event_ids("not-in-the-window");
  std::size_t unknown = 0;
  EXPECT_EQ(window.acked(ack, &unknown), (std::vector<std::uint64_t>{3, 1}));
  EXPECT_EQ(unknown, 1u);
  EXPECT_EQ(window.size(), 1u);
  EXPECT_EQ(window.next_unsent()->seq, 2u);
}

TEST(DeliveryWindow, RejectsMatchByEventIdOrElseByMessageId) {
  DeliveryWindow window(4, 1s, 4s);
  auto now = DeliveryWindow::Clock::now();
  for (std::uint64_t seq : {1, 2, 3}) {
    window.add(pending(seq));
    window.mark_sent(seq, 100 + seq, now);
  }
  v1::Reject by_id;
  by_id.add_event_ids(pending(2).event_id);
  auto dropped = window.rejected(by_id);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].seq, 2u);

  v1::Reject by_message;
  by_message.set_message_id(103);
  dropped = window.rejected(by_message);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].seq, 3u);

  EXPECT_TRUE(window.rejected(v1::Reject()).empty()) << "a reject naming nothing drops nothing";
  EXPECT_EQ(window.size(), 1u);
  EXPECT_TRUE(is_permanent(v1::REJECT_REASON_INVALID_FIELD));
  EXPECT_TRUE(is_permanent(v1::REJECT_REASON_WRONG_SENDER));
  EXPECT_FALSE(is_permanent(v1::REJECT_REASON_UNSUPPORTED_VERSION));
}

TEST(DeliveryWindow, AckTimeoutBacksOffUntilSomethingIsAcked) {
  DeliveryWindow window(4, 1s, 3s);
  auto t0 = DeliveryWindow::Clock::now();
  window.add(pending(1));
  window.mark_sent(1, 1, t0);
  EXPECT_FALSE(window.expired(t0 + 900ms));
  EXPECT_TRUE(window.expired(t0 + 1100ms));
  window.clear_for_resend();
  EXPECT_EQ(window.size(), 0u);
  EXPECT_EQ(window.ack_timeout(), 2s);
  window.clear_for_resend();
  EXPECT_EQ(window.ack_timeout(), 3s) << "capped";
  window.add(pending(1));
  v1::Ack ack;
  ack.add_event_ids(pending(1).event_id);
  window.acked(ack, nullptr);
  EXPECT_EQ(window.ack_timeout(), 1s);
  EXPECT_THROW(DeliveryWindow(0, 1s, 2s), std::invalid_argument);
}

// ---- sightings ----

track::TrackResult track_result() {
  track::TrackResult r;
  r.track_id = 7;
  r.vote.text = "AB1234";
  r.vote.display = "AB-1234";
  r.vote.country = "LV";
  r.vote.confidence = 0.93;
  r.vote.country_confidence = 1.2;  // out of range on purpose: clamped
  r.vote.candidates = {{"AB1234", 0.93}, {"A81234", 0.2}, {"AB1284", 0.1}, {"AB1Z34", 0.05}, {"RB1234", 0.04},
                       {"AB12340", 0.01}};
  r.vote.frames_seen = 9;
  r.best.frame_index = 42;
  r.best.read.box = {600, 300, 100, 30};
  r.best.read.corners = {{{600, 300}, {700, 302}, {699, 330}, {601, 329}}};
  r.direction.direction = track::Direction::approaching;
  r.first_seen_us = 1;
  return r;
}

TEST(SightingBuilder, MapsEveryField) {
  SightingContext context{"karsava-1", "karsava", "gate-1", "anpr-engine/1", {{1, {{0, 0}, {640, 0}, {640, 720}, {0, 720}}},
                                                                            {2, {{640, 0}, {1280, 0}, {1280, 720}, {640, 720}}}}};
  v1::ClockSync clock;
  clock.set_state(v1::CLOCK_SYNC_STATE_SYNCED);
  clock.set_error_bound_us(500);
  auto s = build_sighting(track_result(), context, clock, std::string(16, 'x'),
                          {1'700'000'000'000'000, 1280, 720, "plate", "overview"});
  EXPECT_EQ(s.event_id(), std::string(16, 'x'));
  EXPECT_EQ(s.edge_id(), "karsava-1");
  EXPECT_EQ(s.site_id(), "karsava");
  EXPECT_EQ(s.camera_id(), "gate-1");
  EXPECT_EQ(s.captured_at_us(), 1'700'000'000'000'000);
  EXPECT_EQ(s.clock_sync().error_bound_us(), 500u);
  EXPECT_EQ(s.plate_text(), "AB1234");
  EXPECT_EQ(s.plate_display(), "AB-1234");
  EXPECT_EQ(s.plate_country(), "LV");
  EXPECT_FLOAT_EQ(s.country_confidence(), 1.0f);
  EXPECT_FLOAT_EQ(s.read_confidence(), 0.93f);
  ASSERT_EQ(s.candidates_size(), 5) << "at most five by convention";
  EXPECT_EQ(s.candidates(0).text(), "AB1234");
  EXPECT_EQ(s.frame_width(), 1280u);
  EXPECT_EQ(s.plate_box().x(), 600u);
  EXPECT_EQ(s.plate_box().width(), 100u);
  EXPECT_EQ(s.plate_corners_size(), 4);
  EXPECT_EQ(s.direction(), v1::DIRECTION_APPROACHING);
  EXPECT_EQ(s.lane(), 2u) << "the plate's centre (650, 315) is in lane 2";
  EXPECT_EQ(s.frames_seen(), 9u);
  EXPECT_EQ(s.plate_jpeg(), "plate");
  EXPECT_EQ(s.overview_jpeg(), "overview");
  EXPECT_EQ(s.engine_version(), "anpr-engine/1");
}

TEST(SightingBuilder, DropsImagesRatherThanExceedTheMessageLimit) {
  SightingContext context{"e", "s", "c", "v", {}};
  auto s = build_sighting(track_result(), context, {}, std::string(16, 'x'),
                          {1, 1280, 720, std::string(1000, 'p'), std::string(proto::kMaxMessageBytes, 'o')});
  auto payload = spool_payload(s);
  EXPECT_TRUE(s.overview_jpeg().empty());
  EXPECT_EQ(s.plate_jpeg().size(), 1000u);
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(1);
  envelope.mutable_sighting()->ParseFromString(payload);
  EXPECT_NO_THROW(proto::encode(envelope));
}

TEST(TrackInput, KeepsOnlyReadsTheTrackerCanUse) {
  engine::PlateRead good;
  good.text = "AB1234";
  good.confidence = 0.9;
  good.country = "LV";
  good.box = {10, 20, 100, 30};
  good.candidates = {{"AB1234", 0.9}};
  engine::PlateRead no_text = good;
  no_text.text.clear();
  engine::PlateRead no_box = good;
  no_box.box = {};
  auto frame = to_frame_reads(123, 4, {good, no_text, no_box});
  EXPECT_EQ(frame.timestamp_us, 123);
  EXPECT_EQ(frame.frame_index, 4u);
  ASSERT_EQ(frame.reads.size(), 1u);
  EXPECT_EQ(frame.reads[0].box.width, 100.0);
  EXPECT_EQ(frame.reads[0].country_confidence, 1.0);
  EXPECT_NO_THROW(track::observations_of(frame));
}

TEST(Lanes, PlateCentreChoosesTheLane) {
  std::vector<Lane> lanes{{1, {{0, 0}, {100, 0}, {100, 100}, {0, 100}}}, {2, {{100, 0}, {200, 0}, {200, 100}, {100, 100}}}};
  EXPECT_EQ(lane_of(lanes, {50, 50}), 1u);
  EXPECT_EQ(lane_of(lanes, {150, 50}), 2u);
  EXPECT_EQ(lane_of(lanes, {250, 50}), 0u);
  EXPECT_EQ(lane_of({}, {50, 50}), 0u);
}

TEST(EvidenceKeeper, KeepsOnlyTheBestFramesOfLiveTracks) {
  EvidenceKeeper keeper;
  for (std::uint64_t i = 1; i <= 4; ++i) keeper.keep(i, {cv::Mat(2, 2, CV_8UC3), {}});
  keeper.retain_only({{1, 3, 2, false}, {2, 1, std::nullopt, false}, {3, 5, 4, true}});
  EXPECT_EQ(keeper.size(), 2u);
  EXPECT_NE(keeper.find(2), nullptr);
  EXPECT_NE(keeper.find(4), nullptr);
  EXPECT_EQ(keeper.find(1), nullptr);
  keeper.retain_only({});
  EXPECT_EQ(keeper.size(), 0u);
}

// ---- heartbeat, clock, metrics, latency ----

TEST(Heartbeat, ReportsStateRatesAndCumulativeDrops) {
  CameraSnapshot camera;
  camera.camera_id = "gate-1";
  camera.capture.state = capture::CameraState::streaming;
  camera.capture.fps_in = 25;
  camera.capture.frames_dropped = 3;
  camera.frames_busy = 2;
  camera.frames_analysed = 100;
  CameraSnapshot disabled;
  disabled.camera_id = "gate-2";
  disabled.enabled = false;
  HeartbeatReporter reporter;
  auto t0 = std::chrono::steady_clock::now();
  BoxHealth box{"karsava-1", "0.1.0", 60, 4, {}};
  auto first = reporter.report(box, {camera, disabled}, t0);
  ASSERT_EQ(first.cameras_size(), 2);
  EXPECT_EQ(first.cameras(0).state(), v1::CAMERA_STATE_STREAMING);
  EXPECT_EQ(first.cameras(0).frames_dropped(), 5u);
  EXPECT_EQ(first.cameras(0).fps_out(), 0.0f) << "no interval yet";
  EXPECT_EQ(first.cameras(1).state(), v1::CAMERA_STATE_DISABLED);
  EXPECT_EQ(first.spool_depth(), 4u);
  camera.frames_analysed = 150;
  auto second = reporter.report(box, {camera, disabled}, t0 + 10s);
  EXPECT_FLOAT_EQ(second.cameras(0).fps_out(), 5.0f);
  camera.capture.state = capture::CameraState::reconnecting;
  EXPECT_EQ(to_wire(camera), v1::CAMERA_STATE_CONNECTING);
  camera.capture.state = capture::CameraState::failed;
  EXPECT_EQ(to_wire(camera), v1::CAMERA_STATE_FAILED);
}

TEST(ClockSync, ClassifiesTheKernelsView) {
  EXPECT_EQ(classify_clock({TIME_OK, 0, 1200}, false).state(), v1::CLOCK_SYNC_STATE_SYNCED);
  EXPECT_EQ(classify_clock({TIME_OK, 0, 1200}, false).error_bound_us(), 1200u);
  EXPECT_EQ(classify_clock({TIME_ERROR, STA_UNSYNC, 16'000'000}, false).state(), v1::CLOCK_SYNC_STATE_UNSYNCED);
  auto holdover = classify_clock({TIME_ERROR, STA_UNSYNC, 900'000}, true);
  EXPECT_EQ(holdover.state(), v1::CLOCK_SYNC_STATE_HOLDOVER);
  EXPECT_EQ(holdover.error_bound_us(), 900'000u);
  EXPECT_EQ(classify_clock({-1, 0, 0}, true).state(), v1::CLOCK_SYNC_STATE_UNSPECIFIED);
  EXPECT_NE(ClockWatch().now().state(), v1::CLOCK_SYNC_STATE_UNSPECIFIED) << "adjtimex is readable unprivileged";
}

TEST(ClockSync, HostSourceReportsSyncedWithTheAssumedBound) {
  auto c = parse_edge_config(std::string(kMinimal) + "clock: {source: host, assumed_error: 250ms}\n", "edge.yaml");
  EXPECT_EQ(c.clock.source, ClockConfig::Source::kHost);
  auto sync = ClockWatch(c.clock).now();
  EXPECT_EQ(sync.state(), v1::CLOCK_SYNC_STATE_SYNCED);
  EXPECT_EQ(sync.error_bound_us(), 250'000u);
  EXPECT_EQ(parse_edge_config(kMinimal, "edge.yaml").clock.source, ClockConfig::Source::kKernel);
  EXPECT_EQ(config_error(std::string(kMinimal) + "clock: {source: ntp}\n"),
            "edge.yaml: clock.source: must be one of kernel, host, got 'ntp'");
}

TEST(Metrics, RendersPrometheusText) {
  MetricsInputs in;
  in.software_version = "0.1.0";
  CameraSnapshot camera;
  camera.camera_id = "gate\"1";
  camera.capture.state = capture::CameraState::streaming;
  camera.capture.frames_in = 1234567;
  in.cameras = {camera};
  in.spool_depth = 3;
  in.sender.acked = 9;
  in.latency = {2, 3.0, 2.5};
  auto text = render_metrics(in);
  EXPECT_NE(text.find("# TYPE anpr_edge_frames_in_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_frames_in_total{camera=\"gate\\\"1\"} 1234567\n"), std::string::npos) << text;
  EXPECT_NE(text.find("anpr_edge_camera_state{camera=\"gate\\\"1\",state=\"streaming\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_camera_up{camera=\"gate\\\"1\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_spool_depth 3\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_acked_total 9\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_sighting_latency_seconds_count 2\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_sighting_latency_max_seconds 2.500000\n"), std::string::npos);
  EXPECT_NE(text.find("anpr_edge_build_info{version=\"0.1.0\"} 1\n"), std::string::npos);
}

TEST(SendLatency, CountsFirstSendsOfSpooledSightingsInEitherOrder) {
  SendLatency latency;
  auto t0 = std::chrono::steady_clock::now();
  latency.spooled(1, t0);
  latency.sent(1, t0 + 1500ms);
  latency.sent(1, t0 + 9s);  // a resend
  latency.sent(2, t0 + 9s);  // spooled by an earlier run
  auto summary = latency.summary();
  EXPECT_EQ(summary.count, 1u);
  EXPECT_DOUBLE_EQ(summary.max_seconds, 1.5);
  // The sender may send a record before the writer has booked it.
  latency.sent(3, t0 + 2s);
  latency.spooled(3, t0);
  latency.sent(3, t0 + 5s);  // a resend of it
  summary = latency.summary();
  EXPECT_EQ(summary.count, 2u);
  EXPECT_DOUBLE_EQ(summary.max_seconds, 2.0);
}

TEST(HttpResponse, ServesMetricsAndNothingElse) {
  auto metrics = [] { return std::string("m 1\n"); };
  auto ok = http_response("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", metrics);
  EXPECT_EQ(ok.rfind("HTTP/1.0 200 OK\r\n", 0), 0u);
  EXPECT_NE(ok.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_EQ(ok.substr(ok.size() - 4), "m 1\n");
  EXPECT_EQ(http_response("GET /metrics?x=1 HTTP/1.0\r\n\r\n", metrics).rfind("HTTP/1.0 200", 0), 0u);
  EXPECT_EQ(http_response("GET / HTTP/1.0\r\n\r\n", metrics).rfind("HTTP/1.0 404", 0), 0u);
  EXPECT_EQ(http_response("POST /metrics HTTP/1.0\r\n\r\n", metrics).rfind("HTTP/1.0 405", 0), 0u);
  EXPECT_EQ(http_response("garbage", metrics).rfind("HTTP/1.0 400", 0), 0u);
}

TEST(MetricsServer, AnswersOnLoopback) {
  MetricsServer server(0, [] { return std::string("x 1\n"); });
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::string request = "GET /metrics HTTP/1.0\r\n\r\n";
  ::send(fd, request.data(), request.size(), 0);
  std::string response;
  char buffer[256];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) response.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  EXPECT_EQ(response.rfind("HTTP/1.0 200", 0), 0u);
  EXPECT_EQ(response.substr(response.size() - 4), "x 1\n");
}

// ---- systemd ----

TEST(SdNotify, SendsDatagramsToTheNotifySocket) {
  ::anpr::testing::TempDir dir;
  auto path = (dir.path() / "notify").string();
  int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);

  ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
  EXPECT_TRUE(sd_notify("READY=1"));
  char buffer[64] = {};
  EXPECT_EQ(::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT), 7);
  EXPECT_STREQ(buffer, "READY=1");
  ::unsetenv("NOTIFY_SOCKET");
  EXPECT_FALSE(sd_notify("READY=1")) << "outside systemd nothing is sent";
  ::close(fd);
}

TEST(SdNotify, WatchdogIntervalIsHalfThePeriodForThisProcess) {
  EXPECT_EQ(watchdog_interval("30000000", nullptr, 42), std::chrono::microseconds(15'000'000));
  EXPECT_EQ(watchdog_interval("30000000", "42", 42), std::chrono::microseconds(15'000'000));
  EXPECT_EQ(watchdog_interval("30000000", "43", 42), std::nullopt) << "meant for another process";
  EXPECT_EQ(watchdog_interval(nullptr, nullptr, 42), std::nullopt);
  EXPECT_EQ(watchdog_interval("soon", nullptr, 42), std::nullopt);
}

// ---- dead letters ----

TEST(DeadLetter, KeepsTheSightingAndTheReason) {
  ::anpr::testing::TempDir dir;
  DeadLetter dead(dir.path() / "dead");
  dead.store("0190f1c2-7a3b-7c4d-8e5f-0123456789ab", "bytes", "REJECT_REASON_INVALID_FIELD: plate_text empty");
  std::ifstream payload(dir.path() / "dead" / "0190f1c2-7a3b-7c4d-8e5f-0123456789ab.sighting");
  std::ifstream reason(dir.path() / "dead" / "0190f1c2-7a3b-7c4d-8e5f-0123456789ab.reason");
  std::stringstream p, r;
  p << payload.rdbuf();
  r << reason.rdbuf();
  EXPECT_EQ(p.str(), "bytes");
  EXPECT_EQ(r.str(), "REJECT_REASON_INVALID_FIELD: plate_text empty\n");
  dead.store("../escape", "x", "y");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "dead" / "___escape.sighting")) << "names cannot leave the directory";
}

}  // namespace
}  // namespace anpr::daemon
