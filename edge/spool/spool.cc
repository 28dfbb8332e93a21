// The spool the edge daemon sends from: cursor, acks and ack floor on top of
// the segment writer and reader; see spool.h.
#include "spool.h"

#include <algorithm>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "ack_floor.h"
#include "spool_error.h"
#include "spool_format.h"

namespace anpr::spool {

std::unique_ptr<Spool> Spool::open(const std::filesystem::path& dir, const SpoolOptions& options) {
  validate(options);
  std::filesystem::create_directories(dir);
  return std::unique_ptr<Spool>(new Spool(dir, options));
}

Spool::Spool(const std::filesystem::path& dir, const SpoolOptions& options)
    : dir_(dir),
      options_(options),
      lock_(dir / kLockFileName),
      floor_(load_ack_floor(dir)),
      stored_floor_(floor_),
      floor_stored_at_(std::chrono::steady_clock::now()),
      writer_(dir, options, floor_ + 1,
              [this](const std::vector<Segment>& dropped) { account_budget_drop(dropped); }),
      send_next_(floor_ + 1) {
  counters_.corrupt_records_skipped = writer_.recovery().records_lost;
  writer_.remove_through(floor_);
  spdlog::info("spool_open dir={} acked_floor={} next_seq={} depth={} bytes={}", dir_.string(), floor_,
               writer_.next_seq(), depth(), writer_.total_bytes());
  if (options_.group_commit_interval.count() > 0) {
    flusher_ = std::jthread([this](std::stop_token stop) { flush_periodically(stop); });
  }
}

Spool::~Spool() {
  if (flusher_.joinable()) {
    flusher_.request_stop();
    flusher_.join();
  }
  std::lock_guard lock(mutex_);
  try {
    writer_.sync();
    if (floor_ != stored_floor_) store_floor();
  } catch (const std::exception& e) {
    spdlog::error("spool_close_failed dir={} error=\"{}\"", dir_.string(), e.what());
  }
}

void Spool::flush_periodically(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    flush_wakeup_.wait_for(lock, stop, options_.group_commit_interval, [] { return false; });
    if (stop.stop_requested()) break;
    try {
      writer_.sync();
    } catch (const SpoolError& e) {
      spdlog::error("spool_sync_failed dir={} error=\"{}\"", dir_.string(), e.what());
    }
  }
}

std::uint64_t Spool::append(std::string_view payload) {
  std::lock_guard lock(mutex_);
  const std::uint64_t seq = writer_.append(payload);
  ++counters_.appended;
  return seq;
}

// The first segment with a readable record at or after `seq`.
const Segment* Spool::segment_from(std::uint64_t seq) const {
  for (const Segment& segment : writer_.segments()) {
    if (segment.end_seq > std::max(segment.first_seq, seq)) return &segment;
  }
  return nullptr;
}

// The first readable sequence number >= seq; next_seq() if there is none.
std::uint64_t Spool::first_readable_from(std::uint64_t seq) const {
  const Segment* segment = segment_from(seq);
  return segment ? std::max(segment->first_seq, seq) : writer_.next_seq();
}

std::vector<SpoolRecord> Spool::next_unsent(std::size_t max_n) {
  std::lock_guard lock(mutex_);
  std::vector<SpoolRecord> out;
  std::uint64_t want = std::max(send_next_, floor_ + 1);
  while (out.size() < max_n) {
    const Segment* segment = segment_from(want);
    if (!segment) break;
    // A copy: damage found while reading changes the writer's segment list.
    read_segment(Segment(*segment), max_n, &want, &out);
  }
  send_next_ = want;
  return out;
}

// Appends records >= *want from one segment to *out, advancing *want past
// every record read. Damage found here (a segment that was fine at open) is
// dealt with as at open: the rest of the segment is skipped and counted.
void Spool::read_segment(const Segment& segment, std::size_t max_n, std::uint64_t* want,
                         std::vector<SpoolRecord>* out) {
  *want = std::max(*want, segment.first_seq);
  SegmentReader reader(segment.path, segment.first_seq);
  if (read_hint_ && read_hint_->first_seq == segment.first_seq && read_hint_->seq <= *want) {
    reader.seek(read_hint_->offset, read_hint_->seq);
  }
  while (out->size() < max_n && reader.next_seq() < segment.end_seq) {
    std::optional<SpoolRecord> record = reader.next();
    if (!record) {
      const std::uint64_t from = reader.next_seq();
      const std::string reason = reader.corruption() ? reader.corruption()->reason : "segment ends early";
      const std::uint64_t lost = writer_.mark_lost(from);
      forget_acks(from, segment.end_seq);
      counters_.corrupt_records_skipped += lost;
      spdlog::warn("spool_corrupt_segment file={} offset={} reason=\"{}\" records_lost={}", segment.path.string(),
                   reader.offset(), reason, lost);
      break;
    }
    if (record->seq < *want) continue;
    *want = record->seq + 1;
    if (!acked_above_floor_.contains(record->seq)) out->push_back(std::move(*record));
  }
  read_hint_ = ReadHint{segment.first_seq, reader.offset(), reader.next_seq()};
}

void Spool::rewind() {
  std::lock_guard lock(mutex_);
  send_next_ = floor_ + 1;
}

void Spool::ack(std::uint64_t seq) {
  std::lock_guard lock(mutex_);
  if (seq >= writer_.next_seq()) {
    throw std::out_of_range(fmt::format("spool {}: ack for sequence {} which was never issued (next is {})",
                                        dir_.string(), seq, writer_.next_seq()));
  }
  if (seq <= floor_ || first_readable_from(seq) != seq) return;
  if (!acked_above_floor_.insert(seq).second) return;
  ++counters_.acked;
  advance_floor();
}

// Moves the floor over acked records and over sequence numbers that are not
// readable any more (dropped or lost), frees the segments it passed and
// persists it when due.
void Spool::advance_floor() {
  std::uint64_t floor = floor_;
  for (;;) {
    const std::uint64_t next = first_readable_from(floor + 1);
    floor = next - 1;
    if (acked_above_floor_.erase(next) == 0) break;
    floor = next;
  }
  if (floor == floor_) return;
  floor_ = floor;
  const bool freed_segments = writer_.remove_through(floor_) > 0;
  if (freed_segments || std::chrono::steady_clock::now() - floor_stored_at_ >= options_.ack_floor_sync_interval) {
    store_floor();
  }
}

void Spool::store_floor() {
  store_ack_floor(dir_, floor_);
  stored_floor_ = floor_;
  floor_stored_at_ = std::chrono::steady_clock::now();
}

// Called by the writer in the middle of append(), with mutex_ held.
void Spool::account_budget_drop(const std::vector<Segment>& dropped) {
  std::uint64_t lost = 0;
  for (const Segment& segment : dropped) {
    const std::uint64_t from = std::max(segment.first_seq, floor_ + 1);
    if (segment.end_seq <= from) continue;
    lost += segment.end_seq - from - forget_acks(from, segment.end_seq);
  }
  counters_.dropped_by_budget += lost;
  spdlog::warn("spool_budget_drop dir={} segments={} records_lost={} first_seq={} end_seq={} max_total_bytes={}",
               dir_.string(), dropped.size(), lost, dropped.front().first_seq, dropped.back().end_seq,
               options_.max_total_bytes);
}

// Drops acks in [from_seq, end_seq) for records that are gone; returns how many.
std::uint64_t Spool::forget_acks(std::uint64_t from_seq, std::uint64_t end_seq) {
  const auto first = acked_above_floor_.lower_bound(from_seq);
  const auto last = acked_above_floor_.lower_bound(end_seq);
  const auto count = static_cast<std::uint64_t>(std::distance(first, last));
  acked_above_floor_.erase(first, last);
  return count;
}

void Spool::sync() {
  std::lock_guard lock(mutex_);
  writer_.sync();
  if (floor_ != stored_floor_) store_floor();
}

std::uint64_t Spool::acked_floor() const {
  std::lock_guard lock(mutex_);
  return floor_;
}

std::uint64_t Spool::depth() const {
  std::lock_guard lock(mutex_);
  std::uint64_t readable = 0;
  for (const Segment& segment : writer_.segments()) {
    const std::uint64_t from = std::max(segment.first_seq, floor_ + 1);
    if (segment.end_seq > from) readable += segment.end_seq - from;
  }
  return readable - acked_above_floor_.size();
}

std::uint64_t Spool::bytes() const {
  std::lock_guard lock(mutex_);
  return writer_.total_bytes();
}

SpoolCounters Spool::counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

}  // namespace anpr::spool
