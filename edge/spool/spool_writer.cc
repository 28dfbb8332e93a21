// Segment files of a spool directory: recovery, appends, rolling, budget and
// deletion; see spool_writer.h.
#include "spool_writer.h"

#include <fcntl.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "spool_error.h"
#include "spool_format.h"
#include "spool_reader.h"

namespace anpr::spool {

SpoolWriter::SpoolWriter(std::filesystem::path dir, const SpoolOptions& options, std::uint64_t min_next_seq,
                         DropHandler on_budget_drop)
    : dir_(std::move(dir)), options_(options), on_budget_drop_(std::move(on_budget_drop)) {
  validate(options_);
  recover(min_next_seq);
}

void SpoolWriter::recover(std::uint64_t min_next_seq) {
  std::filesystem::create_directories(dir_);
  std::vector<std::pair<std::uint64_t, std::filesystem::path>> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (!entry.is_regular_file()) continue;
    if (auto first_seq = parse_segment_file_name(entry.path().filename().string())) {
      found.emplace_back(*first_seq, entry.path());
    }
  }
  std::sort(found.begin(), found.end());

  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto successor = i + 1 < found.size() ? std::optional(found[i + 1].first) : std::nullopt;
    recover_segment(found[i].first, found[i].second, successor);
  }

  next_seq_ = std::max<std::uint64_t>(min_next_seq, 1);
  if (!segments_.empty()) next_seq_ = std::max(next_seq_, segments_.back().end_seq);
  if (segments_.empty() || segments_.back().end_seq != next_seq_) create_segment(next_seq_);
}

// A closed segment (one with a successor) keeps what reads cleanly and loses
// the rest up to the successor's first record. The newest segment is instead
// cut back to its last good record, since a crash mid-append leaves exactly
// such a torn tail, and it must end cleanly before anything is appended.
void SpoolWriter::recover_segment(std::uint64_t first_seq, const std::filesystem::path& path,
                                  std::optional<std::uint64_t> successor_first_seq) {
  SegmentReader reader(path, first_seq);
  while (reader.next()) {
  }
  Segment segment{first_seq, reader.next_seq(), 0, path};
  const auto& corruption = reader.corruption();

  if (successor_first_seq) {
    segment.end_seq = std::min(segment.end_seq, *successor_first_seq);
    if (corruption) {
      const std::uint64_t lost = *successor_first_seq - segment.end_seq;
      recovery_.records_lost += lost;
      spdlog::warn("spool_corrupt_segment file={} offset={} reason=\"{}\" records_lost={}", path.string(),
                   corruption->offset, corruption->reason, lost);
    }
    segment.bytes = std::filesystem::file_size(path);
  } else {
    posix::File file(path, O_WRONLY | O_APPEND);
    const std::uint64_t size = file.size();
    if (corruption) {
      if (reader.offset() < kSegmentHeaderSize) {
        file.truncate(0);
        file.write_all(std::string_view(encode_segment_header(first_seq).data(), kSegmentHeaderSize));
      } else {
        file.truncate(reader.offset());
      }
      const std::uint64_t cut = size - std::min(size, reader.offset());
      recovery_.tail_bytes_truncated += cut;
      spdlog::warn("spool_tail_truncated file={} offset={} reason=\"{}\" bytes_dropped={}", path.string(),
                   corruption->offset, corruption->reason, cut);
    }
    // Whatever a crashed process left in the page cache is made durable now,
    // so that the invariant "closed segments are on disk" holds from here on.
    file.sync();
    segment.bytes = file.size();
    active_ = std::move(file);
  }
  total_bytes_ += segment.bytes;
  segments_.push_back(std::move(segment));
}

void SpoolWriter::create_segment(std::uint64_t first_seq) {
  const std::filesystem::path path = dir_ / segment_file_name(first_seq);
  posix::File file(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND);
  file.write_all(std::string_view(encode_segment_header(first_seq).data(), kSegmentHeaderSize));
  file.sync();
  posix::sync_directory(dir_);
  segments_.push_back(Segment{first_seq, first_seq, kSegmentHeaderSize, path});
  total_bytes_ += kSegmentHeaderSize;
  active_ = std::move(file);
  dirty_ = false;
  roll_pending_ = false;
}

void SpoolWriter::roll() {
  if (dirty_) active_->sync();
  // A failed append may have left part of a record behind the last good one;
  // those bytes still count against the budget until the segment is deleted.
  Segment& closing = segments_.back();
  const std::uint64_t size = active_->size();
  total_bytes_ += size - closing.bytes;
  closing.bytes = size;
  create_segment(next_seq_);
}

// Not followed by a directory fsync: if a deletion is lost in a crash the
// segment comes back on reopen and is simply deleted again.
void SpoolWriter::delete_oldest() {
  const Segment& oldest = segments_.front();
  std::filesystem::remove(oldest.path);
  total_bytes_ -= oldest.bytes;
  segments_.pop_front();
}

std::uint64_t SpoolWriter::append(std::string_view payload) {
  if (payload.size() > kMaxPayloadSize) {
    throw std::invalid_argument(
        fmt::format("spool record of {} bytes exceeds the maximum of {}", payload.size(), kMaxPayloadSize));
  }
  const std::uint64_t record_bytes = kRecordHeaderSize + payload.size();
  if (kSegmentHeaderSize + record_bytes > options_.max_total_bytes) {
    throw std::invalid_argument(fmt::format("spool record of {} bytes cannot fit in max_total_bytes {}",
                                            payload.size(), options_.max_total_bytes));
  }

  const Segment& current = segments_.back();
  const bool has_records = current.end_seq > current.first_seq;
  if (roll_pending_ || (has_records && current.bytes + record_bytes > options_.segment_bytes)) roll();

  std::vector<Segment> dropped;
  while (total_bytes_ + record_bytes > options_.max_total_bytes && segments_.size() > 1) {
    dropped.push_back(segments_.front());
    delete_oldest();
  }
  if (!dropped.empty()) on_budget_drop_(dropped);

  try {
    active_->write_all(encode_record(next_seq_, payload));
  } catch (const SpoolError&) {
    // Part of the record may be in the file; appending behind it would make
    // later records unreadable, so the next append starts a new segment.
    roll_pending_ = true;
    throw;
  }
  Segment& active = segments_.back();
  active.bytes += record_bytes;
  total_bytes_ += record_bytes;
  const std::uint64_t seq = next_seq_++;
  active.end_seq = next_seq_;

  if (options_.group_commit_interval.count() == 0) {
    active_->sync();
  } else {
    dirty_ = true;
  }
  return seq;
}

void SpoolWriter::sync() {
  if (!dirty_) return;
  active_->sync();
  dirty_ = false;
}

std::size_t SpoolWriter::remove_through(std::uint64_t floor) {
  std::size_t removed = 0;
  while (segments_.size() > 1 && segments_.front().end_seq <= floor + 1) {
    delete_oldest();
    ++removed;
  }
  return removed;
}

std::uint64_t SpoolWriter::mark_lost(std::uint64_t from_seq) {
  for (Segment& segment : segments_) {
    if (segment.first_seq <= from_seq && from_seq < segment.end_seq) {
      const std::uint64_t lost = segment.end_seq - from_seq;
      segment.end_seq = from_seq;
      if (&segment == &segments_.back()) roll_pending_ = true;
      return lost;
    }
  }
  return 0;
}

}  // namespace anpr::spool
