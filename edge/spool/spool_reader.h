// Reads the records of one spool segment in order and checks each one: length
// bound, checksum, and that sequence numbers follow on from the header. It
// never returns a damaged record; at the first problem it stops and says where
// (the offset of the bad record) and why, so the caller can tell a torn tail
// (recover by truncating there) from damage in a closed segment (skip the rest
// of that segment and count what was lost).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/posix/posix_file.h"

namespace anpr::spool {

struct SpoolRecord {
  std::uint64_t seq = 0;
  std::string payload;
};

struct Corruption {
  std::uint64_t offset = 0;  // where the bad record (or the header) starts
  std::string reason;
};

class SegmentReader {
 public:
  // Opens the segment whose file name says it starts at `first_seq` and checks
  // its header. Throws SpoolError only if the file cannot be opened or read; a
  // bad header is reported through corruption().
  SegmentReader(const std::filesystem::path& path, std::uint64_t first_seq);

  // Continues at a position an earlier reader of this segment reached (its
  // offset() and next_seq()) instead of rereading from the first record.
  void seek(std::uint64_t offset, std::uint64_t seq);

  // The next record, or nullopt at the end of the segment or at corruption.
  std::optional<SpoolRecord> next();

  // Just past the last good record: where a torn segment is cut back to.
  std::uint64_t offset() const { return offset_; }

  // The sequence number the next record must carry.
  std::uint64_t next_seq() const { return next_seq_; }

  const std::optional<Corruption>& corruption() const { return corruption_; }

 private:
  std::optional<SpoolRecord> fail(std::string reason);

  posix::File file_;
  std::uint64_t offset_ = 0;
  std::uint64_t next_seq_;
  std::optional<Corruption> corruption_;
};

}  // namespace anpr::spool
