// anpr-central's parts wired together; see central_server.h.
#include "central/server/central_server.h"

#include <algorithm>
#include <thread>

#include <zmq.hpp>

#include "central/alerts/alert_engine.h"
#include "central/alerts/alert_publisher.h"
#include "central/server/database.h"
#include "central/server/db_errors.h"
#include "central/server/edge_keys.h"
#include "central/server/ingest_loop.h"
#include "central/server/prepare_database.h"
#include "central/server/refresher.h"
#include "central/server/store_worker.h"
#include "common/transport/key_files.h"
#include "common/transport/secure_router.h"
#include "common/transport/zap_authenticator.h"

namespace anpr::central {

namespace {

using namespace std::chrono_literals;

// ZAP domains of the two sockets; each context has its own handler.
constexpr const char* kEdgeDomain = "anpr-edges";
constexpr const char* kSubscriberDomain = "anpr-alerts";

// Waits for the database and prepares it; nullopt when `stop` came first.
std::optional<LoadedState> prepare(const CentralConfig& config, watchlist::Index& index,
                                   const std::atomic<bool>& stop, const std::shared_ptr<spdlog::logger>& logger) {
  Database database(config.conninfo, "startup", Backoff(config.reconnect_min, config.reconnect_max), logger);
  while (!stop.load()) {
    pqxx::connection* conn = database.connection();
    if (conn == nullptr) {
      auto until = std::min(database.retry_at(), std::chrono::steady_clock::now() + 100ms);
      std::this_thread::sleep_until(until);
      continue;
    }
    try {
      return prepare_database(*conn, config, index, *logger);
    } catch (const std::exception& e) {
      if (!is_transient(e)) throw;
      database.failed(e);
    }
  }
  return std::nullopt;
}

}  // namespace

CentralServer::CentralServer(CentralConfig config, std::shared_ptr<spdlog::logger> logger)
    : config_(std::move(config)), logger_(std::move(logger)) {}

void CentralServer::run(const std::atomic<bool>& stop) {
  const transport::CurveKeyPair server_keys = transport::load_key_pair(config_.secret_key_file);
  const transport::CurveKeyPair alert_keys = config_.alert_secret_key_file == config_.secret_key_file
                                                 ? server_keys
                                                 : transport::load_key_pair(config_.alert_secret_key_file);

  watchlist::Index index;
  std::optional<LoadedState> loaded = prepare(config_, index, stop, logger_);
  if (!loaded) {
    logger_->info("central_stopped reason=\"stopped while waiting for the database\"");
    return;
  }

  zmq::context_t edge_context;
  zmq::context_t alert_context;
  transport::ZapAuthenticator edges(edge_context, kEdgeDomain, logger_);
  const transport::AllowList allowed = merge_allow_list(config_.edge_keys, loaded->enrolled);
  edges.replace_allow_list(allowed);
  transport::ZapAuthenticator subscribers(alert_context, kSubscriberDomain, logger_);
  subscribers.replace_allow_list(merge_allow_list(config_.subscribers, {}));

  alerts::PublisherOptions publisher_options;
  publisher_options.endpoint = config_.alert_endpoint;
  publisher_options.secret_key = alert_keys.secret_key;
  publisher_options.send_high_water_mark = config_.alert_high_water_mark;
  publisher_options.logger = logger_;
  alerts::AlertPublisher publisher(subscribers, publisher_options);

  transport::RouterOptions router_options;
  router_options.endpoint = config_.listen_endpoint;
  router_options.secret_key = server_keys.secret_key;
  router_options.max_message_bytes = config_.max_message_bytes;
  router_options.heartbeat_interval = config_.link_heartbeat_interval;
  router_options.heartbeat_timeout = config_.link_heartbeat_timeout;
  router_options.logger = logger_;
  transport::SecureRouter router(edges, router_options);

  alerts::AlertEngine engine(index, config_.correlation, config_.policy);
  StoreWorker worker(config_, engine, publisher, counters_, logger_);
  Refresher refresher(config_, index, edges, loaded->cursor, allowed, logger_);
  IngestLoop loop(config_, router, worker, counters_, logger_);

  set_endpoints(BoundEndpoints{router.endpoint(), publisher.endpoint()});
  logger_->info("central_serving ingest={} alerts={} server_key={} edge_keys={} subscribers={} batch={}/{}ms",
                router.endpoint(), publisher.endpoint(), server_keys.public_key, allowed.size(),
                config_.subscribers.size(), config_.batch.max_sightings, config_.batch.max_delay.count());
  try {
    loop.run(stop);
  } catch (...) {
    set_endpoints(std::nullopt);
    throw;
  }
  set_endpoints(std::nullopt);
}

std::optional<BoundEndpoints> CentralServer::endpoints() const {
  std::lock_guard lock(mutex_);
  return endpoints_;
}

std::optional<BoundEndpoints> CentralServer::wait_until_serving(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  serving_.wait_for(lock, timeout, [this] { return endpoints_.has_value(); });
  return endpoints_;
}

void CentralServer::set_endpoints(std::optional<BoundEndpoints> endpoints) {
  {
    std::lock_guard lock(mutex_);
    endpoints_ = std::move(endpoints);
  }
  serving_.notify_all();
}

}  // namespace anpr::central
