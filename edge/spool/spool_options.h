// Tunables of the edge spool, with the defaults the daemon runs with. Kept
// apart from the Spool class so the writer, the benchmark and the daemon's
// config loader can share them without pulling in the whole spool.
#pragma once

#include <chrono>
#include <cstdint>

namespace anpr::spool {

struct SpoolOptions {
  // A segment is closed once the next record would take it past this size, so
  // acked data is freed a segment at a time. A single record larger than this
  // gets a segment of its own.
  std::uint64_t segment_bytes = 4u << 20;

  // Hard bound on the bytes of all segment files together. When an append
  // would cross it the oldest segments are deleted, acked or not.
  std::uint64_t max_total_bytes = 256u << 20;

  // 0: fdatasync after every append, so append() returning means on disk.
  // Otherwise appends are synced at most this long after they return (group
  // commit), trading the newest records on power loss for throughput.
  std::chrono::milliseconds group_commit_interval{0};

  // The ack floor file is rewritten (three fsyncs) when acks free a segment,
  // on close, and otherwise at most this often, so that draining a backlog at
  // hundreds of acks a second is not throttled by the disk. A crash can make
  // the records acked in this window be sent again; 0 persists every advance.
  std::chrono::milliseconds ack_floor_sync_interval{1000};
};

inline constexpr std::uint64_t kMinSegmentBytes = 1024;

// Throws std::invalid_argument naming the first bad option.
void validate(const SpoolOptions& options);

}  // namespace anpr::spool
