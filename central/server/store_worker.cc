// The database threads of the ingest path; see store_worker.h.
#include "central/server/store_worker.h"

#include <unordered_set>

#include <pqxx/transaction>

#include "central/alerts/wall_clock.h"
#include "central/server/db_errors.h"
#include "central/store/alert_backlog.h"
#include "central/store/stored_sighting.h"
#include "common/uuid/uuid.h"

namespace anpr::central {

StoreWorker::Writer::Writer(const CentralConfig& config, unsigned index, std::shared_ptr<spdlog::logger> logger)
    : database(config.conninfo, index == 0 ? "writer" : "writer-" + std::to_string(index + 1),
               Backoff(config.reconnect_min, config.reconnect_max), std::move(logger)),
      evidence(config.evidence, index) {}

StoreWorker::StoreWorker(const CentralConfig& config, const alerts::AlertEngine& engine,
                         alerts::AlertPublisher& publisher, Counters& counters, std::shared_ptr<spdlog::logger> logger)
    : engine_(engine),
      publisher_(publisher),
      counters_(counters),
      logger_(std::move(logger)),
      max_pending_(config.max_pending_batches),
      window_(config.capture_window),
      evidence_dir_(config.evidence.dir),
      alerts_database_(config.conninfo, "alerts", Backoff(config.reconnect_min, config.reconnect_max), logger_) {
  for (std::size_t i = 0; i < config.writers; ++i) {
    writers_.push_back(std::make_unique<Writer>(config, static_cast<unsigned>(i), logger_));
  }
  writers_running_ = writers_.size();
  for (auto& writer : writers_) writer->thread = std::thread([this, w = writer.get()] { run(*w); });
  alert_thread_ = std::thread([this] { run_alerts(); });
}

StoreWorker::~StoreWorker() {
  close(Clock::now());
  for (auto& writer : writers_) writer->thread.join();
  alert_thread_.join();
}

bool StoreWorker::submit(std::vector<ingest::PendingSighting>& batch) {
  {
    std::lock_guard lock(mutex_);
    if (closing_ || queue_.size() >= max_pending_) return false;
    queue_.push_back({next_seq_++, std::move(batch)});
    ++in_flight_;
  }
  wake_.notify_one();
  return true;
}

std::vector<ingest::Reply> StoreWorker::take_replies() {
  std::lock_guard lock(mutex_);
  return std::exchange(replies_, {});
}

std::size_t StoreWorker::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

std::size_t StoreWorker::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void StoreWorker::close(Clock::time_point deadline) {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    closing_ = true;
    deadline_ = deadline;
  }
  wake_.notify_all();
  alert_wake_.notify_all();
}

bool StoreWorker::done() const {
  std::lock_guard lock(mutex_);
  return done_;
}

void StoreWorker::run(Writer& writer) {
  while (true) {
    QueuedBatch batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) break;
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    const std::size_t size = batch.sightings.size();
    FreshBatch fresh;
    try {
      fresh = process(writer, std::move(batch.sightings));
    } catch (const std::exception& e) {
      // Database errors are handled inside; this is a bug, and the batch is
      // left unacked rather than the thread lost.
      ++counters_.batches_failed;
      logger_->error("batch_failed sightings={} error=\"{}\" effect=\"dropped; acked ones stay acked\"", size,
                     error_text(e));
    }
    {
      std::lock_guard lock(mutex_);
      written_.emplace(batch.seq, std::move(fresh));
      --in_flight_;
    }
    alert_wake_.notify_one();
  }
  {
    std::lock_guard lock(mutex_);
    --writers_running_;
  }
  alert_wake_.notify_all();
}

void StoreWorker::run_alerts() {
  try {
    recover_backlog();
  } catch (const std::exception& e) {
    // A bug, as in run(); the rows stay for the next start.
    logger_->error("alert_backlog_failed error=\"{}\" effect=\"left for the next start\"", error_text(e));
  }
  while (true) {
    FreshBatch fresh;
    {
      std::unique_lock lock(mutex_);
      alert_wake_.wait(lock, [this] { return writers_running_ == 0 || written_.contains(next_alert_seq_); });
      auto next = written_.find(next_alert_seq_);
      if (next == written_.end()) break;
      fresh = std::move(next->second);
      written_.erase(next);
      ++next_alert_seq_;
    }
    if (fresh.sightings.empty()) continue;
    const std::size_t size = fresh.sightings.size();
    try {
      assess(std::move(fresh));
    } catch (const std::exception& e) {
      // As in run(): a bug; the batch's backlog row stays for the next start
      // rather than the thread being lost.
      logger_->error("alert_pass_failed sightings={} error=\"{}\" effect=\"left in the alert backlog\"", size,
                     error_text(e));
    }
  }
  std::lock_guard lock(mutex_);
  done_ = true;
}

void StoreWorker::recover_backlog() {
  std::vector<store::BacklogBatch> backlog;
  Outcome read = with_database(alerts_database_, alert_wake_, "alert_backlog_read", 0, [&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn, "alert_backlog_read");
    backlog = store::pending_backlog(tx);
  });
  if (read != Outcome::kDone) return;
  for (store::BacklogBatch& batch : backlog) {
    store::StoredSightings stored;
    Outcome loaded = with_database(alerts_database_, alert_wake_, "alert_backlog_load", batch.event_ids.size(),
                                   [&](pqxx::connection& conn) {
                                     pqxx::read_transaction tx(conn, "alert_backlog_load");
                                     stored = store::load_sightings(tx, batch.event_ids, evidence_dir_);
                                   });
    if (loaded != Outcome::kDone) return;
    if (!stored.missing.empty()) {
      logger_->warn("alert_backlog_gone batch_id={} sightings={} first_event={} effect=\"no alert pass for these\"",
                    batch.batch_id, stored.missing.size(), uuid::to_text(stored.missing.front()));
    }
    for (const std::string& problem : stored.evidence_errors) {
      logger_->warn("alert_backlog_evidence_unreadable batch_id={} error=\"{}\" effect=\"alert without images\"",
                    batch.batch_id, problem);
    }
    const std::size_t sightings = stored.found.size();
    const std::optional<std::size_t> alerts =
        assess(FreshBatch{std::move(stored.found), Clock::now(), batch.batch_id});
    if (!alerts) return;
    logger_->info("alert_backlog_recovered batch_id={} sightings={} alerts={}", batch.batch_id, sightings, *alerts);
  }
}

void StoreWorker::pause_until(std::condition_variable& wake, Clock::time_point until) {
  std::unique_lock lock(mutex_);
  wake.wait_until(lock, std::min(until, deadline_), [this] { return closing_ && Clock::now() >= deadline_; });
}

template <typename Work>
StoreWorker::Outcome StoreWorker::with_database(Database& database, std::condition_variable& wake, const char* what,
                                                std::size_t sightings, Work&& work) {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (closing_ && Clock::now() >= deadline_) {
        logger_->warn("{}_abandoned sightings={} reason=\"shutting down while the database is unavailable\"", what,
                      sightings);
        return Outcome::kAbandoned;
      }
    }
    pqxx::connection* conn = database.connection();
    if (conn == nullptr) {
      pause_until(wake, database.retry_at());
      continue;
    }
    try {
      work(*conn);
      return Outcome::kDone;
    } catch (const std::exception& e) {
      if (is_transient(e)) {
        database.failed(e);
        continue;
      }
      logger_->error("{}_failed sightings={} error=\"{}\" effect=\"dropped unacked; the edges will resend\"", what,
                     sightings, error_text(e));
      return Outcome::kDropped;
    }
  }
}

StoreWorker::FreshBatch StoreWorker::process(Writer& writer, std::vector<ingest::PendingSighting> batch) {
  std::vector<v1::Sighting> sightings;
  sightings.reserve(batch.size());
  for (const ingest::PendingSighting& p : batch) sightings.push_back(p.sighting);

  const Clock::time_point started = Clock::now();
  store::BatchResult result;
  Outcome written = with_database(writer.database, wake_, "batch", batch.size(), [&](pqxx::connection& conn) {
    if (!writer.writer || writer.generation != writer.database.generation()) {
      writer.writer = std::make_unique<store::SightingWriter>(conn, writer.evidence, window_);
      writer.generation = writer.database.generation();
    }
    result = writer.writer->write_batch(sightings);
  });
  if (written != Outcome::kDone) {
    counters_.deferred += batch.size();
    if (written == Outcome::kDropped) ++counters_.batches_failed;
    return {};
  }
  ++counters_.batches;
  counters_.stored += result.stored.size();
  counters_.duplicates += result.duplicates.size();
  counters_.refused[v1::REJECT_REASON_INVALID_FIELD] += result.rejected.size();
  {
    std::vector<ingest::Reply> replies = ingest::replies_for(batch, result);
    std::lock_guard lock(mutex_);
    for (ingest::Reply& r : replies) replies_.push_back(std::move(r));
  }

  const Clock::time_point committed = Clock::now();
  logger_->debug("batch_done sightings={} stored={} write_ms={}", batch.size(), result.stored.size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(committed - started).count());

  FreshBatch fresh{{}, committed, result.backlog_batch};
  std::unordered_set<std::string> stored(result.stored.begin(), result.stored.end());
  for (v1::Sighting& s : sightings) {
    if (stored.erase(s.event_id()) > 0) fresh.sightings.push_back(std::move(s));
  }
  return fresh;
}

std::optional<std::size_t> StoreWorker::assess(FreshBatch fresh) {
  std::vector<const v1::Sighting*> sightings;
  sightings.reserve(fresh.sightings.size());
  for (const v1::Sighting& s : fresh.sightings) sightings.push_back(&s);
  const Clock::time_point started = Clock::now();
  alerts::Assessment found;
  Outcome assessed =
      with_database(alerts_database_, alert_wake_, "alert_pass", sightings.size(), [&](pqxx::connection& conn) {
        found = engine_.process(conn, sightings, fresh.backlog_batch, alerts::wall_clock_us());
      });
  if (assessed != Outcome::kDone) return std::nullopt;
  const Clock::time_point now = Clock::now();
  logger_->debug("alert_pass_done sightings={} waited_ms={} alert_pass_ms={} alerts={}", sightings.size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(started - fresh.committed).count(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(now - started).count(), found.alerts.size());
  counters_.crossings += found.crossings.size();
  for (const alerts::RaisedAlert& raised : found.alerts) {
    const v1::Alert& a = raised.alert;
    logger_->info("alert_raised alert={} kind={} agency={} priority={} plate={} site={} event={}",
                  uuid::to_text(a.alert_id()), alerts::kind_name(a.kind()), a.agency(),
                  alerts::priority_name(a.priority()), a.sighting().plate_text(), a.sighting().site_id(),
                  uuid::to_text(a.sighting().event_id()));
    publisher_.publish(raised);
    ++counters_.alerts;
  }
  return found.alerts.size();
}

}  // namespace anpr::central
