// Shared machinery of the central server tests; see central_harness.h.
#include "tests/integration/central/central_harness.h"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <pqxx/pqxx>
#include <spdlog/sinks/stdout_sinks.h>

#include "anpr/wire.h"
#include "common/transport/key_files.h"
#include "tests/support/temp_postgres.h"
#include "common/uuid/uuid.h"

namespace anpr::central::testing {

int64_t now_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

std::string plate_patch() {
  std::string jpeg(3 * 1024, '\0');
  for (std::size_t i = 0; i < jpeg.size(); ++i) jpeg[i] = static_cast<char>(i * 7 % 256);
  jpeg[0] = static_cast<char>(0xff);
  jpeg[1] = static_cast<char>(0xd8);
  return jpeg;
}

v1::Envelope envelope_with_id(uint64_t message_id) {
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  envelope.set_message_id(message_id);
  envelope.set_sent_at_us(now_us());
  return envelope;
}

}  // namespace

v1::Sighting make_sighting(const std::string& plate, const std::string& edge_id, const std::string& site_id,
                           int64_t captured_at_us) {
  v1::Sighting s;
  s.set_event_id(uuid::v7());
  s.set_edge_id(edge_id);
  s.set_camera_id(site_id + "-cam-1");
  s.set_site_id(site_id);
  s.set_captured_at_us(captured_at_us);
  s.mutable_clock_sync()->set_state(v1::CLOCK_SYNC_STATE_SYNCED);
  s.mutable_clock_sync()->set_error_bound_us(500);
  s.set_plate_text(plate);
  s.set_plate_display(plate);
  s.set_plate_country("LV");
  s.set_country_confidence(0.75f);
  s.set_read_confidence(0.95f);
  auto* best = s.add_candidates();
  best->set_text(plate);
  best->set_confidence(0.95f);
  s.set_frame_width(1920);
  s.set_frame_height(1080);
  s.set_direction(v1::DIRECTION_APPROACHING);
  s.set_lane(1);
  s.set_frames_seen(7);
  s.set_plate_jpeg(plate_patch());
  s.set_engine_version("test-1");
  return s;
}

CentralHarness::CentralHarness(const std::string& test_name, HarnessOptions options)
    : options_(std::move(options)),
      conninfo_(anpr::testing::shared_postgres().fresh_database(test_name)),
      server_keys_(transport::generate_curve_key_pair()),
      config_file_(dir_.path() / "central.yaml"),
      log_sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(4096)) {
  for (const char* edge : {kEdgeLv, kEdgeLt}) edge_keys_[edge] = transport::generate_curve_key_pair();
  for (const char* agency : {"vrs", "vsat", "lp"}) subscriber_keys_[agency] = transport::generate_curve_key_pair();
  transport::save_key_pair(server_keys_, dir_.path(), "central", false);
  auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  console->set_level(std::getenv("ANPR_TEST_VERBOSE") ? spdlog::level::debug : spdlog::level::warn);
  logger_ = std::make_shared<spdlog::logger>("anpr-central-test", spdlog::sinks_init_list{log_sink_, console});
  logger_->set_level(spdlog::level::debug);
  bound_listen_ = options_.listen_endpoint;
}

CentralHarness::~CentralHarness() {
  if (thread_.joinable()) {
    stop_flag_ = true;
    thread_.join();
  }
}

std::string CentralHarness::config_text() const {
  std::ostringstream y;
  y << "database:\n  conninfo: \"" << conninfo_ << "\"\n  reconnect_min: 50ms\n  reconnect_max: 400ms\n"
    << "listen:\n  endpoint: \"" << bound_listen_ << "\"\n  secret_key_file: " << (dir_.path() / "central.key_secret").string()
    << "\n  max_message_bytes: 256KiB\n  heartbeat_interval: 200ms\n  heartbeat_timeout: 2s\n"
    << "edges:\n  refresh: 200ms\n  stale_after: 1s\n  keys:\n";
  for (const auto& [edge, keys] : edge_keys_) {
    y << "    - {edge_id: " << edge << ", public_key: \"" << keys.public_key << "\"}\n";
  }
  y << "batch:\n  max_sightings: 100\n  max_delay: " << options_.batch_max_delay << "\n  shutdown_grace: 3s\n"
    << "evidence:\n  dir: " << evidence_dir().string() << "\n"
    << "watchlists:\n  poll_interval: 100ms\n"
    << "alerts:\n  endpoint: \"tcp://127.0.0.1:*\"\n  partners: [vrs, vsat]\n"
    << "  border_crossing: {agency: vrs, priority: low}\n  impossible_travel: {agency: vsat, priority: high}\n"
    << "  subscribers:\n";
  for (const auto& [agency, keys] : subscriber_keys_) {
    y << "    - {agency: " << agency << ", public_key: \"" << keys.public_key << "\"}\n";
  }
  y << "sites:\n"
    << "  - {id: " << kSiteLv << ", country: LV, name: \"Grebneva\", lat: 56.9000, lon: 27.9000, border: true}\n"
    << "  - {id: " << kSiteLt << ", country: LT, name: \"Zarasai\", lat: 56.6500, lon: 27.9000, border: true}\n"
    << "  - {id: " << kSiteFar << ", country: LT, name: \"Kalvarija\", lat: 54.4150, lon: 23.2200, border: true}\n"
    << "log:\n  level: debug\n"
    << options_.extra_yaml;
  return y.str();
}

void CentralHarness::start() {
  if (thread_.joinable()) throw std::logic_error("CentralHarness::start: already running");
  {
    std::ofstream out(config_file_);
    out << config_text();
  }
  server_ = std::make_unique<CentralServer>(load_central_config(config_file_.string()), logger_);
  stop_flag_ = false;
  failure_ = nullptr;
  thread_ = std::thread([this] {
    try {
      server_->run(stop_flag_);
    } catch (...) {
      failure_ = std::current_exception();
    }
  });
  auto bound = server_->wait_until_serving(kPatience);
  if (!bound) {
    stop();
    throw std::runtime_error("the central server did not start serving within the test's patience");
  }
  endpoints_ = *bound;
  bound_listen_ = endpoints_.ingest;
}

void CentralHarness::stop() {
  stop_flag_ = true;
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

bool CentralHarness::logged(const std::string& text) const {
  for (const std::string& line : log_sink_->last_formatted()) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

int64_t CentralHarness::count(const std::string& sql) const {
  pqxx::connection conn(conninfo_);
  pqxx::read_transaction tx(conn);
  return tx.exec1(sql)[0].as<int64_t>();
}

namespace {

transport::DealerOptions dealer_options(const std::string& endpoint, const transport::CurveKeyPair& server_keys,
                                        const transport::CurveKeyPair& keys, std::size_t max_message_bytes) {
  transport::DealerOptions options;
  options.endpoint = endpoint;
  options.server_public_key = server_keys.public_key;
  options.client_keys = keys;
  options.max_message_bytes = max_message_bytes;
  options.reconnect_interval = 50ms;
  options.reconnect_interval_max = 200ms;
  options.heartbeat_interval = 200ms;
  options.heartbeat_timeout = 2s;
  options.linger = 0ms;
  return options;
}

}  // namespace

EdgeClient::EdgeClient(const std::string& endpoint, const transport::CurveKeyPair& server_keys,
                       const transport::CurveKeyPair& keys, std::size_t max_message_bytes)
    : dealer_(context_, dealer_options(endpoint, server_keys, keys, max_message_bytes)) {}

bool EdgeClient::send_raw(const std::string& payload) { return dealer_.send(payload, kPatience); }

bool EdgeClient::send(const v1::Sighting& sighting) {
  v1::Envelope envelope = envelope_with_id(next_message_id_++);
  *envelope.mutable_sighting() = sighting;
  return send_raw(proto::encode(envelope));
}

bool EdgeClient::send_heartbeat(const v1::Heartbeat& heartbeat) {
  v1::Envelope envelope = envelope_with_id(next_message_id_++);
  *envelope.mutable_heartbeat() = heartbeat;
  return send_raw(proto::encode(envelope));
}

void EdgeClient::take(const v1::Envelope& reply) {
  if (reply.has_ack()) {
    for (const std::string& id : reply.ack().event_ids()) {
      answers_.acked.insert(id);
      ack_times_.try_emplace(id, std::chrono::steady_clock::now());
    }
  } else if (reply.has_reject()) {
    if (reply.reject().event_ids_size() == 0) {
      answers_.anonymous_rejects.push_back(reply.reject());
    } else {
      for (const std::string& id : reply.reject().event_ids()) answers_.rejected[id] = reply.reject();
    }
  }
}

bool EdgeClient::deliver_all(const std::vector<v1::Sighting>& sightings, std::chrono::milliseconds timeout,
                             std::chrono::milliseconds resend_after) {
  auto answered = [&](const v1::Sighting& s) {
    return answers_.acked.contains(s.event_id()) || answers_.rejected.contains(s.event_id());
  };
  auto all_answered = [&] { return std::all_of(sightings.begin(), sightings.end(), answered); };
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!all_answered() && std::chrono::steady_clock::now() < deadline) {
    for (const v1::Sighting& s : sightings) {
      if (!answered(s)) send(s);
    }
    collect(std::min(resend_after, std::chrono::duration_cast<std::chrono::milliseconds>(
                                       deadline - std::chrono::steady_clock::now())),
            all_answered);
  }
  return all_answered();
}

AlertSubscriber::AlertSubscriber(const std::string& endpoint, const transport::CurveKeyPair& server_keys,
                                 const transport::CurveKeyPair& keys, const std::string& topic)
    : socket_(context_, zmq::socket_type::sub) {
  socket_.set(zmq::sockopt::curve_serverkey, server_keys.public_key);
  socket_.set(zmq::sockopt::curve_publickey, keys.public_key);
  socket_.set(zmq::sockopt::curve_secretkey, keys.secret_key);
  socket_.set(zmq::sockopt::linger, 0);
  socket_.set(zmq::sockopt::subscribe, topic);
  socket_.connect(endpoint);
}

std::optional<ReceivedAlert> AlertSubscriber::next(std::chrono::milliseconds timeout) {
  zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
  if (zmq::poll(&item, 1, timeout) <= 0) return std::nullopt;
  zmq::message_t topic;
  zmq::message_t payload;
  (void)socket_.recv(topic);
  if (!topic.more()) throw std::runtime_error("alert message with a single frame");
  (void)socket_.recv(payload);
  v1::Envelope envelope = proto::decode(payload.to_string_view());
  if (!envelope.has_alert()) throw std::runtime_error("alert message without an Alert body");
  return ReceivedAlert{topic.to_string(), envelope.alert()};
}

std::vector<ReceivedAlert> AlertSubscriber::for_plate(const std::string& plate, std::chrono::milliseconds timeout,
                                                      std::size_t stop_after) {
  std::vector<ReceivedAlert> out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.size() < stop_after) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    auto alert = next(left);
    if (!alert) break;
    if (alert->alert.sighting().plate_text() == plate) out.push_back(std::move(*alert));
  }
  return out;
}

void settle_subscriptions() { std::this_thread::sleep_for(500ms); }

}  // namespace anpr::central::testing
