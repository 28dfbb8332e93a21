// The threads between the ingest loop and PostgreSQL. Writer threads take
// batches of accepted sightings, commit each (central/store SightingWriter)
// and hand the Acks and Rejects back to the ingest loop only after the
// commit; the alert thread then runs the alert pass on the sightings that
// were new, on a connection of its own, and publishes the alerts. The
// stages are a pipeline: while one batch's alert pass runs, the next ones
// are written. There are `batch.writers` writers, each with its own
// connection, because one connection's backend handles one batch at a time
// and left the second core idle; their commits may finish out of order, so
// the alert thread takes batches in the order they were submitted, each
// only once it is committed (or given up). A batch's alert pass therefore
// always sees the sightings of every earlier batch.
//
// While the database is down the current batches are retried with backoff
// and nothing is acked; at most `max_pending` further batches wait, after
// which submit() refuses and the ingest loop leaves those sightings unacked
// for the edges to resend. A failure that retrying cannot cure (not a lost
// connection or an overloaded server, db_errors.h) drops that batch unacked
// and is logged, so one bad batch cannot stall every edge.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <optional>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "central/alerts/alert_engine.h"
#include "central/alerts/alert_publisher.h"
#include "central/evidence/evidence_writer.h"
#include "central/ingest/batch.h"
#include "central/ingest/replies.h"
#include "central/server/central_config.h"
#include "central/server/counters.h"
#include "central/server/database.h"
#include "central/store/sighting_writer.h"

namespace anpr::central {

class StoreWorker {
 public:
  using Clock = std::chrono::steady_clock;

  // `engine`, `publisher` and `counters` must outlive this.
  StoreWorker(const CentralConfig& config, const alerts::AlertEngine& engine, alerts::AlertPublisher& publisher,
              Counters& counters, std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());
  // Abandons whatever is still queued (it stays unacked) and joins the thread.
  ~StoreWorker();
  StoreWorker(const StoreWorker&) = delete;
  StoreWorker& operator=(const StoreWorker&) = delete;

  // Queues a batch; false, leaving `batch` untouched, when max_pending
  // batches already wait.
  bool submit(std::vector<ingest::PendingSighting>& batch);

  // Acks and Rejects of committed batches, oldest first, for the ingest loop to send.
  std::vector<ingest::Reply> take_replies();

  // Batches submitted and not yet finished (committed, dropped or abandoned).
  std::size_t in_flight() const;

  // Batches submitted and not yet started.
  std::size_t waiting() const;

  // No more batches will come: finish the queued ones and their alert
  // passes, giving up on any still not committed at `deadline`, then end
  // both threads. Does not block.
  void close(Clock::time_point deadline);

  // True once both threads have ended after close().
  bool done() const;

 private:
  enum class Outcome { kDone, kDropped, kAbandoned };

  // A submitted batch and its place in submission order.
  struct QueuedBatch {
    std::uint64_t seq = 0;
    std::vector<ingest::PendingSighting> sightings;
  };

  // One writer thread's connection, its evidence segments and the
  // SightingWriter bound to both.
  struct Writer {
    Writer(const CentralConfig& config, unsigned index, std::shared_ptr<spdlog::logger> logger);
    Database database;
    evidence_store::EvidenceWriter evidence;
    std::unique_ptr<store::SightingWriter> writer;
    std::uint64_t generation = 0;  // of the connection `writer` is bound to
    std::thread thread;
  };

  // Sightings stored for the first time by one batch, for the alert pass
  // (none when the batch stored nothing new or was given up).
  struct FreshBatch {
    std::vector<v1::Sighting> sightings;
    Clock::time_point committed;
    std::optional<int64_t> backlog_batch;  // its alert backlog row
  };

  void run(Writer& writer);
  // Writes one batch; what its alert pass needs, empty if nothing.
  FreshBatch process(Writer& writer, std::vector<ingest::PendingSighting> batch);
  void run_alerts();
  // Runs the alert passes left in the backlog; returns once all are done,
  // or the close deadline passes.
  void recover_backlog();
  // The number of alerts raised, or nullopt when the pass was given up
  // (its backlog row then stays for the next start).
  std::optional<std::size_t> assess(FreshBatch fresh);
  // Runs `work` on a live connection of `database`, retrying transient
  // failures with backoff until it succeeds, fails for good, or the close
  // deadline passes.
  template <typename Work>
  Outcome with_database(Database& database, std::condition_variable& wake, const char* what,
                        std::size_t sightings, Work&& work);
  // Sleeps on `wake` until `until` or until the close deadline passes.
  void pause_until(std::condition_variable& wake, Clock::time_point until);

  const alerts::AlertEngine& engine_;
  alerts::AlertPublisher& publisher_;
  Counters& counters_;
  std::shared_ptr<spdlog::logger> logger_;
  const std::size_t max_pending_;
  const store::CaptureWindow window_;
  const std::filesystem::path evidence_dir_;
  std::vector<std::unique_ptr<Writer>> writers_;
  Database alerts_database_;  // the alert thread's

  mutable std::mutex mutex_;
  std::condition_variable wake_;        // the writer threads wait on it
  std::condition_variable alert_wake_;  // the alert thread waits on it
  std::deque<QueuedBatch> queue_;
  std::uint64_t next_seq_ = 0;                // given to the next submitted batch
  std::map<std::uint64_t, FreshBatch> written_;  // by seq, until the alert thread reaches it
  std::uint64_t next_alert_seq_ = 0;          // the batch the alert thread waits for
  std::vector<ingest::Reply> replies_;
  std::size_t in_flight_ = 0;
  bool closing_ = false;
  std::size_t writers_running_ = 0;
  bool done_ = false;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::thread alert_thread_;
};

}  // namespace anpr::central
