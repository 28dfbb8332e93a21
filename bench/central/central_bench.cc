// anpr-central-bench: the central server end to end, in-process, against a
// given PostgreSQL database (which must be empty: the bench migrates it).
//
//  1. ingest: E edge clients (CURVE DEALERs on 127.0.0.1) send N sightings
//     with a 3 KB plate patch each, each edge keeping up to W unacked in
//     flight as an edge draining its spool does; the rate is sightings acked
//     (committed) per second, from the first send to the last ack. Every
//     H-th sighting carries a plate on the watchlist, and a subscriber
//     measures how long after its send each alert arrives on the PUB socket.
//  2. copy: the same rows COPYed straight into plain tables in batches of
//     the server's batch size (bench/store/raw_copy.h), in the same database
//     and run: the floor under what the server adds (CURVE, decode,
//     validation, dedup, partitions, indexes, the alert pass).
//
//   anpr-central-bench --conninfo='host=... dbname=...' [--sightings=50000]
//       [--edges=4] [--window=500] [--hit-every=100] [--batch=500] [--writers=2]
//       [--max-delay-ms=20] [--watchlist=10000] [--rate=0] [--patch-bytes=3072]
//       [--log-level=warn]
//
// --rate paces the edges to that many sightings per second in all, to see
// alert latency under a load the server keeps up with; 0 sends as fast as
// the windows allow, which measures the sustained maximum.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>
#include <spdlog/sinks/stdout_sinks.h>
#include <zmq.hpp>

#include "anpr/wire.h"
#include "bench/store/raw_copy.h"
#include "central/server/central_config.h"
#include "central/server/central_server.h"
#include "central/store/migrator.h"
#include "central/watchlist/watchlist_repository.h"
#include "common/transport/key_files.h"
#include "common/transport/secure_dealer.h"
#include "common/uuid/uuid.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using anpr::v1::Sighting;

struct Options {
  std::string conninfo;
  long sightings = 50000;
  long edges = 4;
  long window = 500;
  long hit_every = 100;
  long batch = 500;
  long writers = 2;
  long max_delay_ms = 20;
  long watchlist = 10000;
  long rate = 0;  // sightings/s over all edges; 0 = as fast as the window allows
  long patch_bytes = 3 * 1024;
  std::string log_level = "warn";
};

Options parse(int argc, char** argv) {
  Options o;
  std::map<std::string, long*> numbers = {{"--sightings", &o.sightings}, {"--edges", &o.edges},
                                          {"--window", &o.window},       {"--hit-every", &o.hit_every},
                                          {"--batch", &o.batch},         {"--max-delay-ms", &o.max_delay_ms},
                                          {"--writers", &o.writers},
                                          {"--watchlist", &o.watchlist}, {"--rate", &o.rate},
                                          {"--patch-bytes", &o.patch_bytes}};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto eq = arg.find('=');
    std::string key = arg.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (key == "--conninfo") {
      o.conninfo = value;
    } else if (key == "--log-level") {
      o.log_level = value;
    } else if (auto it = numbers.find(key); it != numbers.end() && !value.empty()) {
      *it->second = std::stol(value);
      if (*it->second <= 0) throw std::invalid_argument(key + " must be positive");
    } else {
      throw std::invalid_argument("unknown or incomplete argument '" + arg + "'");
    }
  }
  if (o.conninfo.empty()) throw std::invalid_argument("--conninfo=<libpq connection string> is required");
  return o;
}

int64_t now_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Percentiles {
  double p50 = 0, p99 = 0, max = 0;
  std::size_t n = 0;
};

Percentiles percentiles(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&ms](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
  return {at(0.50), at(0.99), ms.back(), ms.size()};
}

// Plates "BN" + 4 digits are listed, "QX" + 4 digits never are, so which
// sightings must alert is known without asking the matcher.
std::string listed_plate(long i) { return "BN" + std::to_string(1000 + i % 9000); }
std::string unlisted_plate(std::mt19937_64& rng) { return "QX" + std::to_string(1000 + rng() % 9000); }

Sighting make_sighting(const std::string& edge, const std::string& plate, const std::string& patch) {
  Sighting s;
  s.set_event_id(anpr::uuid::v7());
  s.set_edge_id(edge);
  s.set_camera_id(edge + "-cam-1");
  s.set_site_id("site-" + edge);
  s.set_captured_at_us(now_us() - 1'000'000);
  s.mutable_clock_sync()->set_state(anpr::v1::CLOCK_SYNC_STATE_SYNCED);
  s.set_plate_text(plate);
  s.set_plate_display(plate);
  s.set_plate_country("LV");
  s.set_country_confidence(0.9f);
  s.set_read_confidence(0.9f);
  auto* c = s.add_candidates();
  c->set_text(plate);
  c->set_confidence(0.9f);
  s.set_frame_width(1920);
  s.set_frame_height(1080);
  s.set_direction(anpr::v1::DIRECTION_APPROACHING);
  s.set_frames_seen(6);
  s.set_plate_jpeg(patch);
  s.set_engine_version("bench");
  return s;
}

// What one edge thread did.
struct EdgeRun {
  std::vector<Sighting> sent;  // in send order; kept for the copy phase
  std::vector<double> ack_ms;
  Clock::time_point first_send{};
  Clock::time_point last_ack{};
  std::size_t resent = 0;
};

// An edge's ack timeout: sightings not acked by then are sent again.
constexpr auto kAckTimeout = 5s;
constexpr auto kResendScan = 250ms;

// Send times of the sightings that must alert, by event id.
struct HitLedger {
  std::mutex mutex;
  std::map<std::string, Clock::time_point> sent;
};

void run_edge(const std::string& endpoint, const anpr::transport::CurveKeyPair& server,
              const anpr::transport::CurveKeyPair& keys, const std::string& edge, long count, const Options& o,
              long first_index, HitLedger& hits, EdgeRun& run) {
  zmq::context_t context;
  anpr::transport::DealerOptions options;
  options.endpoint = endpoint;
  options.server_public_key = server.public_key;
  options.client_keys = keys;
  options.max_message_bytes = anpr::proto::kMaxMessageBytes;
  anpr::transport::SecureDealer dealer(context, options);

  std::mt19937_64 rng(static_cast<uint64_t>(first_index) + 1);
  std::string patch(static_cast<std::size_t>(o.patch_bytes), '\0');
  for (char& c : patch) c = static_cast<char>(rng() & 0xff);

  struct Unacked {
    Clock::time_point first_sent;
    Clock::time_point last_sent;
    std::size_t index;  // in run.sent
  };
  std::map<std::string, Unacked> unacked;
  uint64_t message_id = 1;
  auto send = [&](const Sighting& s) {
    anpr::v1::Envelope envelope;
    envelope.set_schema_version(anpr::proto::kSchemaVersion);
    envelope.set_message_id(message_id++);
    envelope.set_sent_at_us(now_us());
    *envelope.mutable_sighting() = s;
    if (!dealer.send(anpr::proto::encode(envelope), 10s)) throw std::runtime_error(edge + ": send timed out");
  };
  long next = 0;
  auto last_progress = Clock::now();
  auto next_resend_scan = Clock::now() + kResendScan;
  const auto start = Clock::now();
  // The i-th sighting of this edge is due at start + i * interval.
  const auto interval = o.rate > 0 ? std::chrono::duration<double>(static_cast<double>(o.edges) / o.rate)
                                   : std::chrono::duration<double>(0);
  auto due = [&](long i) { return start + std::chrono::duration_cast<Clock::duration>(interval * i); };
  while (next < count || !unacked.empty()) {
    while (next < count && static_cast<long>(unacked.size()) < o.window && Clock::now() >= due(next)) {
      const long index = first_index + next;
      const bool hit = index % o.hit_every == 0;
      Sighting s = make_sighting(edge, hit ? listed_plate(index) : unlisted_plate(rng), patch);
      const auto at = Clock::now();
      send(s);
      if (run.sent.empty()) run.first_send = at;
      if (hit) {
        std::lock_guard lock(hits.mutex);
        hits.sent[s.event_id()] = at;
      }
      unacked[s.event_id()] = {at, at, run.sent.size()};
      run.sent.push_back(std::move(s));
      ++next;
    }
    // As an edge does: what is not acked within the ack timeout is sent
    // again. Looked for a few times a second, not after every message: a
    // walk over the whole window per receive cost the client more CPU than
    // the server spent on the messages.
    const auto now = Clock::now();
    if (now >= next_resend_scan) {
      next_resend_scan = now + kResendScan;
      for (auto& [id, u] : unacked) {
        if (now - u.last_sent < kAckTimeout) continue;
        send(run.sent[u.index]);
        u.last_sent = now;
        ++run.resent;
      }
    }
    // With a full window only an ack can let the next send go, so the
    // receive waits for one instead of spinning.
    const bool can_send = next < count && static_cast<long>(unacked.size()) < o.window;
    auto wait = can_send ? std::clamp(std::chrono::ceil<std::chrono::milliseconds>(due(next) - Clock::now()), 0ms, 50ms)
                         : 50ms;
    auto reply = dealer.receive(wait);
    if (!reply) {
      if (Clock::now() - last_progress > 60s) throw std::runtime_error(edge + ": no ack for 60 s");
      continue;
    }
    anpr::v1::Envelope envelope = anpr::proto::decode(*reply);
    if (envelope.has_reject()) throw std::runtime_error(edge + ": rejected: " + envelope.reject().detail());
    const auto acked_at = Clock::now();
    for (const std::string& id : envelope.ack().event_ids()) {
      auto it = unacked.find(id);
      if (it == unacked.end()) continue;
      run.ack_ms.push_back(ms_between(it->second.first_sent, acked_at));
      unacked.erase(it);
      last_progress = acked_at;
    }
    run.last_ack = acked_at;
  }
}

void subscribe_alerts(const std::string& endpoint, const anpr::transport::CurveKeyPair& server,
                      const anpr::transport::CurveKeyPair& keys, const std::atomic<bool>& stop,
                      std::map<std::string, Clock::time_point>& received) {
  zmq::context_t context;
  zmq::socket_t sub(context, zmq::socket_type::sub);
  sub.set(zmq::sockopt::curve_serverkey, server.public_key);
  sub.set(zmq::sockopt::curve_publickey, keys.public_key);
  sub.set(zmq::sockopt::curve_secretkey, keys.secret_key);
  sub.set(zmq::sockopt::subscribe, "bench.");
  sub.set(zmq::sockopt::linger, 0);
  sub.connect(endpoint);
  zmq::pollitem_t item{sub.handle(), 0, ZMQ_POLLIN, 0};
  while (!stop.load()) {
    if (zmq::poll(&item, 1, 100ms) <= 0) continue;
    zmq::message_t topic, payload;
    (void)sub.recv(topic);
    (void)sub.recv(payload);
    const auto at = Clock::now();
    anpr::v1::Envelope envelope = anpr::proto::decode(payload.to_string_view());
    received.try_emplace(envelope.alert().sighting().event_id(), at);
  }
}

void prepare_watchlist(const Options& o) {
  pqxx::connection conn(o.conninfo);
  anpr::store::migrate(conn);
  pqxx::work tx(conn);
  anpr::watchlist::Watchlist list;
  list.id = "bench-list";
  list.agency = "bench";
  anpr::watchlist::create_watchlist(tx, list, "bench");
  std::set<std::string> listed;
  for (long i = 0; i < 9000; ++i) listed.insert(listed_plate(i));
  std::vector<anpr::watchlist::Entry> entries;
  for (const std::string& plate : listed) {
    anpr::watchlist::Entry e;
    e.list = list.id;
    e.pattern = plate;
    e.reason = "bench";
    e.priority = 3;
    entries.push_back(e);
  }
  // Filler entries no sighting matches, so the index has the configured size.
  for (long i = static_cast<long>(entries.size()); i < o.watchlist; ++i) {
    anpr::watchlist::Entry e;
    e.list = list.id;
    e.pattern = "ZZ" + std::to_string(100000 + i);
    e.reason = "bench filler";
    entries.push_back(e);
  }
  anpr::watchlist::import_entries(tx, list.id, entries, false, "bench");
  tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    prepare_watchlist(o);

    char dir_pattern[] = "/tmp/anpr-central-bench-XXXXXX";
    if (mkdtemp(dir_pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    const std::filesystem::path dir = dir_pattern;
    const auto server_keys = anpr::transport::generate_curve_key_pair();
    anpr::transport::save_key_pair(server_keys, dir, "central", false);
    const auto subscriber_keys = anpr::transport::generate_curve_key_pair();
    std::vector<anpr::transport::CurveKeyPair> edge_keys;
    std::string yaml = "database: {conninfo: \"" + o.conninfo + "\"}\n" +
                       "listen: {endpoint: \"tcp://127.0.0.1:*\", secret_key_file: " +
                       (dir / "central.key_secret").string() + "}\n" +
                       "batch: {max_sightings: " + std::to_string(o.batch) +
                       ", max_delay: " + std::to_string(o.max_delay_ms) +
                       "ms, writers: " + std::to_string(o.writers) + "}\n" +
                       "evidence: {dir: " + (dir / "evidence").string() + "}\n" +
                       "alerts: {endpoint: \"tcp://127.0.0.1:*\", subscribers: [{agency: bench, public_key: \"" +
                       subscriber_keys.public_key + "\"}]}\nlog: {level: warn}\nedges:\n  keys:\n";
    for (long e = 0; e < o.edges; ++e) {
      edge_keys.push_back(anpr::transport::generate_curve_key_pair());
      yaml += "    - {edge_id: edge-" + std::to_string(e) + ", public_key: \"" + edge_keys.back().public_key + "\"}\n";
    }
    auto config = anpr::central::parse_central_config(yaml, "bench.yaml");

    auto logger = std::make_shared<spdlog::logger>("anpr-central", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_level(spdlog::level::from_str(o.log_level));
    anpr::central::CentralServer server(config, logger);
    std::atomic<bool> stop{false};
    std::thread serving([&] { server.run(stop); });
    const auto endpoints = server.wait_until_serving(60s);
    if (!endpoints) throw std::runtime_error("the server did not start");

    std::atomic<bool> stop_subscriber{false};
    std::map<std::string, Clock::time_point> alerts_received;
    std::thread subscriber([&] {
      subscribe_alerts(endpoints->alerts, server_keys, subscriber_keys, stop_subscriber, alerts_received);
    });
    std::this_thread::sleep_for(500ms);  // subscription and edge handshakes settle

    HitLedger hits;
    std::vector<EdgeRun> runs(static_cast<std::size_t>(o.edges));
    std::vector<std::thread> edges;
    const long per_edge = o.sightings / o.edges;
    for (long e = 0; e < o.edges; ++e) {
      edges.emplace_back([&, e] {
        run_edge(endpoints->ingest, server_keys, edge_keys[static_cast<std::size_t>(e)], "edge-" + std::to_string(e),
                 per_edge, o, e * per_edge, hits, runs[static_cast<std::size_t>(e)]);
      });
    }
    for (auto& t : edges) t.join();
    std::this_thread::sleep_for(2s);  // the last alerts
    stop_subscriber = true;
    subscriber.join();
    stop = true;
    serving.join();
    std::filesystem::remove_all(dir);

    Clock::time_point first = runs[0].first_send, last = runs[0].last_ack;
    std::vector<double> ack_ms;
    std::vector<const Sighting*> rows;
    std::size_t resent = 0;
    for (const EdgeRun& r : runs) {
      resent += r.resent;
      first = std::min(first, r.first_send);
      last = std::max(last, r.last_ack);
      ack_ms.insert(ack_ms.end(), r.ack_ms.begin(), r.ack_ms.end());
      for (const Sighting& s : r.sent) rows.push_back(&s);
    }
    std::vector<double> alert_ms;
    std::size_t missing = 0;
    for (const auto& [id, sent_at] : hits.sent) {
      auto it = alerts_received.find(id);
      if (it == alerts_received.end()) {
        ++missing;
      } else {
        alert_ms.push_back(ms_between(sent_at, it->second));
      }
    }
    const double ingest_s = std::chrono::duration<double>(last - first).count();
    const Percentiles acks = percentiles(ack_ms);
    const Percentiles alerts = percentiles(alert_ms);
    const auto& counters = server.counters();
    std::printf("ingest: %zu sightings (%ld-byte patch each) from %ld edges, window %ld, batch %ld/%ld ms, "
                "%ld writers, %s\n",
                ack_ms.size(), o.patch_bytes, o.edges, o.window, o.batch, o.max_delay_ms, o.writers,
                o.rate > 0 ? ("paced at " + std::to_string(o.rate) + "/s").c_str() : "unpaced");
    std::printf("  %.2f s, %.0f sightings/s acked after commit (batches=%lu stored=%lu)\n", ingest_s,
                static_cast<double>(ack_ms.size()) / ingest_s, static_cast<unsigned long>(counters.batches.load()),
                static_cast<unsigned long>(counters.stored.load()));
    std::printf("  send->ack ms (first send): p50 %.1f  p99 %.1f  max %.1f; resent after %ld s without ack: %zu\n",
                acks.p50, acks.p99, acks.max, static_cast<long>(kAckTimeout.count()), resent);
    std::printf("alerts: %zu expected, %zu received, %zu missing; send->alert ms: p50 %.1f  p99 %.1f  max %.1f\n",
                hits.sent.size(), alerts.n, missing, alerts.p50, alerts.p99, alerts.max);
    pqxx::connection copy_conn(o.conninfo);
    const double copy_s = anpr::bench::raw_copy_seconds(copy_conn, rows, static_cast<std::size_t>(o.batch));
    std::printf("raw COPY of the same %zu rows, batches of %ld: %.2f s, %.0f rows/s\n", rows.size(), o.batch, copy_s,
                static_cast<double>(rows.size()) / copy_s);
    return missing == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "anpr-central-bench: %s\n", e.what());
    return 1;
  }
}
