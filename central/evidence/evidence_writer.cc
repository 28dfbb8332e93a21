// Appending images to evidence segments; see evidence_writer.h.
#include "central/evidence/evidence_writer.h"

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <spdlog/fmt/fmt.h>

namespace anpr::evidence_store {

namespace {

// Days an edge is still catching up on stay open; more than this many at
// once only happens when a long-offline edge drains, and reopening is cheap.
constexpr std::size_t kMaxOpenSegments = 4;
constexpr unsigned kMaxWriters = 16;

std::uint64_t now_us() {
  using namespace std::chrono;
  return static_cast<std::uint64_t>(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count());
}

void make_directory(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw posix::FileError(fmt::format("create directory {}: {}", dir.string(), error.message()));
}

}  // namespace

EvidenceWriter::EvidenceWriter(EvidenceOptions options, unsigned writer_index)
    : options_(std::move(options)), writer_index_(writer_index) {
  if (writer_index_ >= kMaxWriters) {
    throw std::invalid_argument(fmt::format("evidence writer index {} must be below {}", writer_index_, kMaxWriters));
  }
  make_directory(options_.dir);
  // Probe now rather than at the first batch: an unwritable directory is a
  // start-up error, not a stream of failed batches.
  const std::filesystem::path probe = options_.dir / fmt::format(".probe-{}", writer_index_);
  { posix::File(probe, O_WRONLY | O_CREAT | O_TRUNC); }
  std::filesystem::remove(probe);
}

std::uint64_t EvidenceWriter::next_segment_id() {
  // Microseconds in the high bits keep ids unique across restarts of one
  // writer and sort them by creation; the writer index keeps two writers of
  // one process apart.
  last_id_us_ = std::max(now_us(), last_id_us_ + 1);
  return (last_id_us_ << 4) | writer_index_;
}

EvidenceWriter::OpenSegment& EvidenceWriter::segment_for(const std::string& day) {
  auto it = std::find_if(open_.begin(), open_.end(), [&](const OpenSegment& s) { return s.day == day; });
  if (it != open_.end() && it->size >= options_.segment_bytes) {
    open_.erase(it);
    it = open_.end();
  }
  if (it != open_.end()) {
    open_.splice(open_.begin(), open_, it);
    return open_.front();
  }
  const std::filesystem::path folder = options_.dir / day;
  make_directory(folder);
  const std::uint64_t id = next_segment_id();
  posix::File file(folder / segment_file_name(id), O_WRONLY | O_CREAT | O_EXCL | O_APPEND);
  const auto header = encode_segment_header(id);
  file.write_all(std::string_view(header.data(), header.size()));
  file.sync();
  // The new file's entry, and the day folder's in the evidence directory.
  posix::sync_directory(folder);
  posix::sync_directory(options_.dir);
  open_.push_front(OpenSegment{day, id, header.size(), std::move(file)});
  if (open_.size() > kMaxOpenSegments) open_.pop_back();
  return open_.front();
}

std::vector<std::optional<EvidenceLocation>> EvidenceWriter::append(std::span<const EvidenceItem> items) {
  std::vector<std::optional<EvidenceLocation>> where(items.size());
  // Records of a day are gathered first so that each segment takes one write.
  std::map<std::string, std::vector<std::size_t>> by_day;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].plate_jpeg.empty() && items[i].overview_jpeg.empty()) continue;
    by_day[day_folder_name(items[i].captured_at_us)].push_back(i);
  }
  try {
    std::string buffer;
    for (const auto& [day, indexes] : by_day) {
      OpenSegment& segment = segment_for(day);
      buffer.clear();
      for (std::size_t i : indexes) {
        where[i] = EvidenceLocation{segment.id, segment.size + buffer.size()};
        append_record(buffer, items[i].event_id, items[i].plate_jpeg, items[i].overview_jpeg);
      }
      segment.file.write_all(buffer);
      segment.size += buffer.size();
      // Synced day by day: a batch spanning more days than stay open may
      // close this segment before the next day's write.
      segment.file.sync();
    }
  } catch (...) {
    // What reached a file is unknown; later records must not follow it.
    open_.clear();
    throw;
  }
  return where;
}

}  // namespace anpr::evidence_store
