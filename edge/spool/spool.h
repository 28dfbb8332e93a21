// The edge daemon's durable outbox. Every sighting is appended here before it
// is sent and stays until the central server acks it, so a crash, a reboot or
// a network outage loses nothing (at-least-once; the central dedups by event
// id). After an outage the backlog drains oldest first.
//
// Sending works through a cursor: next_unsent() hands out records in sequence
// order and moves the cursor past them; rewind() (on reconnect) moves it back
// to the oldest unacked record so everything in flight is sent again. Acks may
// arrive in any order; the contiguous prefix of acked records (the "ack
// floor") is persisted, and segments wholly below it are deleted. After a
// restart everything above the persisted floor counts as unacked again
// (SpoolOptions::ack_floor_sync_interval says how far the persisted floor may
// lag behind).
//
// Thread-safe: one mutex around everything, which is plenty at a few records
// a second.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include "common/posix/posix_file.h"
#include "spool_options.h"
#include "spool_reader.h"
#include "spool_writer.h"

namespace anpr::spool {

// Since this process opened the spool, except corrupt_records_skipped, which
// also counts what recovery at open found lost.
struct SpoolCounters {
  std::uint64_t appended = 0;
  std::uint64_t acked = 0;
  std::uint64_t dropped_by_budget = 0;  // unacked records deleted to stay within max_total_bytes
  std::uint64_t corrupt_records_skipped = 0;
};

class Spool {
 public:
  // Opens (creating if needed) and recovers the spool in `dir`. Throws
  // SpoolError if the directory is unusable or another process has it open,
  // std::invalid_argument for bad options.
  static std::unique_ptr<Spool> open(const std::filesystem::path& dir, const SpoolOptions& options = {});

  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  // Stores `payload` and returns its sequence number. With the default options
  // it is on disk when this returns.
  std::uint64_t append(std::string_view payload);

  // Up to max_n records after the cursor that are not acked, oldest first.
  std::vector<SpoolRecord> next_unsent(std::size_t max_n);

  // Moves the cursor back to the oldest unacked record.
  void rewind();

  // Marks `seq` delivered. Acks at or below the floor, repeated acks and acks
  // for records already dropped are ignored; an ack for a sequence number
  // never issued throws std::out_of_range.
  void ack(std::uint64_t seq);

  // Forces appended records and the ack floor to disk now, rather than at the
  // next group commit or floor sync.
  void sync();

  std::uint64_t acked_floor() const;
  std::uint64_t depth() const;  // unacked records still held
  std::uint64_t bytes() const;  // size of all segment files
  SpoolCounters counters() const;

 private:
  Spool(const std::filesystem::path& dir, const SpoolOptions& options);

  struct ReadHint {
    std::uint64_t first_seq;  // of the segment
    std::uint64_t offset;
    std::uint64_t seq;
  };

  const Segment* segment_from(std::uint64_t seq) const;
  std::uint64_t first_readable_from(std::uint64_t seq) const;
  void read_segment(const Segment& segment, std::size_t max_n, std::uint64_t* want, std::vector<SpoolRecord>* out);
  void advance_floor();
  void store_floor();
  void account_budget_drop(const std::vector<Segment>& dropped);
  std::uint64_t forget_acks(std::uint64_t from_seq, std::uint64_t end_seq);
  void flush_periodically(std::stop_token stop);

  mutable std::mutex mutex_;
  const std::filesystem::path dir_;
  const SpoolOptions options_;
  posix::DirectoryLock lock_;
  std::uint64_t floor_;
  std::uint64_t stored_floor_;
  std::chrono::steady_clock::time_point floor_stored_at_;
  SpoolCounters counters_;
  SpoolWriter writer_;
  std::set<std::uint64_t> acked_above_floor_;  // readable records only
  std::uint64_t send_next_;
  std::optional<ReadHint> read_hint_;
  std::condition_variable_any flush_wakeup_;  // never notified: lets a stop request cut the flusher's sleep short
  std::jthread flusher_;  // last: stopped before anything it touches is destroyed
};

}  // namespace anpr::spool
