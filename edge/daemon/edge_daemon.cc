// Wiring and main loop of anpr-edge; see edge_daemon.h.
#include "edge/daemon/edge_daemon.h"

#include <signal.h>

#include <cstring>
#include <thread>

#include <spdlog/spdlog.h>

#include "anpr/wire.h"
#include "common/transport/key_files.h"
#include "edge/daemon/config_reload.h"
#include "edge/daemon/daemon_signals.h"
#include "edge/daemon/sd_notify.h"
#include "edge/daemon/version.h"

namespace anpr::daemon {

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

transport::DealerOptions link_options(const EdgeConfig& config) {
  transport::DealerOptions link;
  link.endpoint = config.central.endpoint;
  link.allow_plaintext = config.central.allow_plaintext;
  if (!config.central.allow_plaintext) {
    link.server_public_key = transport::load_public_key(config.central.server_public_key_file);
    link.client_keys = transport::load_key_pair(config.central.client_secret_key_file);
  }
  link.max_message_bytes = proto::kMaxMessageBytes;
  link.reconnect_interval = config.central.reconnect_interval;
  link.reconnect_interval_max = config.central.reconnect_interval_max;
  link.linger = 0ms;  // the spool keeps what the socket has not delivered
  return link;
}

}  // namespace

EdgeDaemon::EdgeDaemon(EdgeConfig config)
    : config_(std::move(config)),
      previous_source_(config_.source),
      started_(Clock::now()),
      clock_(config_.clock),
      dead_letter_(config_.spool.dead_letter_dir) {
  auto link = link_options(config_);
  spool_ = spool::Spool::open(config_.spool.dir, config_.spool.options);
  pool_ = std::make_unique<RecognitionPool>(config_.workers, config_.engine);
  writer_ = std::make_unique<SightingWriter>(*spool_, clock_, config_.evidence, latency_);
  const std::string engine = engine_version(config_.engine.reader.language);
  for (const auto& camera : config_.cameras) {
    if (!camera.enabled) continue;
    SightingContext context{config_.edge_id, config_.site_id, camera.id, engine, camera.lanes};
    pipelines_.push_back(std::make_unique<CameraPipeline>(camera, config_.tracker, std::move(context), *pool_, *writer_));
  }
  sender_ = std::make_unique<Sender>(link, config_.sender, *spool_, dead_letter_, latency_, [this] { return heartbeat(); });
  if (config_.metrics_port != 0) {
    metrics_server_ = std::make_unique<MetricsServer>(config_.metrics_port, [this] { return render_metrics(status()); });
  }
}

EdgeDaemon::~EdgeDaemon() {
  // Recognition jobs point into the pipelines: no feeder may submit more and
  // the pool must be done with what it has before a pipeline goes away.
  // (After run() all of this has happened already and costs nothing.)
  for (auto& pipeline : pipelines_) pipeline->stop_feeding();
  if (pool_) pool_->stop();
  if (sender_) sender_->stop();
}

std::vector<CameraSnapshot> EdgeDaemon::cameras() const {
  std::vector<CameraSnapshot> out;
  auto pipeline = pipelines_.begin();
  for (const auto& camera : config_.cameras) {
    if (camera.enabled) {
      out.push_back((*pipeline++)->snapshot());
    } else {
      CameraSnapshot disabled;
      disabled.camera_id = camera.id;
      disabled.enabled = false;
      out.push_back(std::move(disabled));
    }
  }
  return out;
}

v1::Heartbeat EdgeDaemon::heartbeat() {
  BoxHealth box;
  box.edge_id = config_.edge_id;
  box.software_version = software_version();
  box.uptime_s = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started_).count());
  box.spool_depth = spool_->depth();
  box.clock = clock_.now();
  return reporter_.report(box, cameras(), Clock::now());
}

MetricsInputs EdgeDaemon::status() const {
  MetricsInputs in;
  in.software_version = software_version();
  in.uptime_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  in.cameras = cameras();
  in.spool_depth = spool_->depth();
  in.spool_bytes = spool_->bytes();
  in.spool = spool_->counters();
  in.sender = sender_->snapshot();
  in.latency = latency_.summary();
  return in;
}

bool EdgeDaemon::making_progress() {
  std::vector<std::uint64_t> loops{sender_->loops()};
  for (const auto& pipeline : pipelines_) loops.push_back(pipeline->loops());
  bool all = true;
  if (last_loops_.size() == loops.size()) {
    for (std::size_t i = 0; i < loops.size(); ++i) {
      if (loops[i] != last_loops_[i]) continue;
      all = false;
      spdlog::warn("watchdog_withheld part={} reason=\"no progress since the last ping\"",
                   i == 0 ? std::string("sender") : "camera " + pipelines_[i - 1]->id());
    }
  }
  last_loops_ = std::move(loops);
  return all;
}

int EdgeDaemon::run() {
  for (auto& pipeline : pipelines_) pipeline->start();
  sender_->start();
  std::string cameras_text;
  for (const auto& camera : config_.cameras) {
    cameras_text += (cameras_text.empty() ? "" : ",") + camera.id + (camera.enabled ? "" : "(disabled)");
  }
  spdlog::info("edge_started edge={} site={} version={} cameras={} workers={} central={} spool={} spool_depth={} "
               "metrics={}",
               config_.edge_id, config_.site_id, software_version(), cameras_text, config_.workers,
               config_.central.endpoint, config_.spool.dir.string(), spool_->depth(),
               metrics_server_ ? "127.0.0.1:" + std::to_string(metrics_server_->port()) : std::string("off"));
  sd_notify("READY=1");

  auto watchdog = watchdog_interval();
  auto tick = watchdog ? std::min<std::chrono::milliseconds>(1s, std::chrono::duration_cast<std::chrono::milliseconds>(*watchdog))
                       : std::chrono::milliseconds(1s);
  auto next_ping = Clock::now();
  while (true) {
    auto signal = wait_for_signal(tick);
    if (watchdog && Clock::now() >= next_ping) {
      if (making_progress()) sd_notify("WATCHDOG=1");
      next_ping = Clock::now() + *watchdog;
    }
    if (!signal) continue;
    if (*signal == SIGHUP) {
      reload();
      continue;
    }
    spdlog::info("edge_stopping signal={}", ::sigabbrev_np(*signal));
    return shutdown();
  }
}

void EdgeDaemon::reload() {
  sd_notify("RELOADING=1");
  try {
    EdgeConfig fresh = load_edge_config(config_.file);
    auto plan = plan_reload(config_.source, previous_source_, fresh.source);
    spdlog::default_logger()->set_level(spdlog::level::from_str(fresh.log.level));
    for (auto& pipeline : pipelines_) {
      for (const auto& camera : fresh.cameras) {
        if (camera.id == pipeline->id()) pipeline->retune({camera.capture.max_fps, camera.motion});
      }
    }
    for (const auto& key : plan.applied) spdlog::info("reload_applied key={}", key);
    for (const auto& key : plan.needs_restart) spdlog::warn("reload_not_applied key={} reason=\"needs a restart\"", key);
    spdlog::info("reload_done file={} applied={} needs_restart={}", config_.file, plan.applied.size(),
                 plan.needs_restart.size());
    previous_source_ = fresh.source;
  } catch (const std::exception& error) {
    spdlog::error("reload_failed file={} error=\"{}\" action=\"keeping the running configuration\"", config_.file,
                  error.what());
  }
  sd_notify("READY=1");
}

int EdgeDaemon::shutdown() {
  sd_notify("STOPPING=1");
  const auto deadline = Clock::now() + config_.shutdown_timeout;
  {
    // Each camera may wait out its read timeout; stop them side by side.
    std::vector<std::jthread> stoppers;
    for (auto& pipeline : pipelines_) stoppers.emplace_back([&pipeline] { pipeline->stop_feeding(); });
  }
  bool drained = true;
  for (auto& pipeline : pipelines_) drained = pipeline->drain(deadline) && drained;
  pool_->stop();
  spool_->sync();
  sender_->stop();
  metrics_server_.reset();
  if (!drained) spdlog::warn("edge_stop_incomplete reason=\"frames still in recognition at shutdown.timeout\"");
  spdlog::info("edge_stopped spool_depth={} appended={}", spool_->depth(), spool_->counters().appended);
  return 0;
}

}  // namespace anpr::daemon
