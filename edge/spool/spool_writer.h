// Appends records to the segment files of a spool directory and owns the list
// of segments: recovery at open (scan every segment, cut a torn tail off the
// newest one), rolling to a new segment at the size limit, the total byte
// budget, and deleting segments the ack floor has passed. It knows nothing of
// acks beyond the floor it is handed and is not thread-safe; Spool serialises
// all calls.
//
// Invariant: only the newest (active) segment can hold records that are not
// yet on disk; a segment is fdatasync'ed before the next one is created.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/posix/posix_file.h"
#include "spool_options.h"

namespace anpr::spool {

struct Segment {
  std::uint64_t first_seq = 0;  // from the file name
  std::uint64_t end_seq = 0;    // one past the last readable record
  std::uint64_t bytes = 0;      // size of the file
  std::filesystem::path path;
};

// What opening the directory had to repair.
struct RecoveryReport {
  std::uint64_t records_lost = 0;          // behind corruption in closed segments
  std::uint64_t tail_bytes_truncated = 0;  // cut off the newest segment
};

class SpoolWriter {
 public:
  // Told about the segments one append deleted to stay within max_total_bytes,
  // before the record is written, so the loss is accounted for even if the
  // write then fails.
  using DropHandler = std::function<void(const std::vector<Segment>& dropped)>;

  // Recovers `dir` (created if missing). New records get sequence numbers of
  // at least `min_next_seq`, so a number the ack floor already covers is never
  // reused even if the records that carried it were lost.
  SpoolWriter(std::filesystem::path dir, const SpoolOptions& options, std::uint64_t min_next_seq,
              DropHandler on_budget_drop);

  // Writes one record and returns its sequence number, after closing the
  // active segment if it is full and deleting the oldest segments if the
  // budget requires. Throws std::invalid_argument for a payload that can never
  // fit, SpoolError on I/O failure.
  std::uint64_t append(std::string_view payload);

  // Makes every appended record durable (group commit).
  void sync();

  // Deletes closed segments whose readable records all have seq <= floor;
  // returns how many.
  std::size_t remove_through(std::uint64_t floor);

  // Records from `from_seq` to the end of its segment turned out unreadable:
  // they leave the readable range, and if that is the active segment the next
  // append starts a new one rather than write behind the damage. Returns how
  // many records were lost.
  std::uint64_t mark_lost(std::uint64_t from_seq);

  // Oldest first; the last one is the active segment.
  const std::deque<Segment>& segments() const { return segments_; }
  const RecoveryReport& recovery() const { return recovery_; }
  std::uint64_t next_seq() const { return next_seq_; }
  std::uint64_t total_bytes() const { return total_bytes_; }

 private:
  void recover(std::uint64_t min_next_seq);
  void recover_segment(std::uint64_t first_seq, const std::filesystem::path& path,
                       std::optional<std::uint64_t> successor_first_seq);
  void create_segment(std::uint64_t first_seq);
  void roll();
  void delete_oldest();

  std::filesystem::path dir_;
  SpoolOptions options_;
  DropHandler on_budget_drop_;
  std::deque<Segment> segments_;
  std::optional<posix::File> active_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t total_bytes_ = 0;
  bool dirty_ = false;
  bool roll_pending_ = false;
  RecoveryReport recovery_;
};

}  // namespace anpr::spool
