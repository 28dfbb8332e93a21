// Checked, in-order reading of one spool segment; see spool_reader.h.
#include "spool_reader.h"

#include <fcntl.h>

#include <array>
#include <utility>

#include <spdlog/fmt/fmt.h>

#include "spool_format.h"

namespace anpr::spool {

SegmentReader::SegmentReader(const std::filesystem::path& path, std::uint64_t first_seq)
    : file_(path, O_RDONLY), next_seq_(first_seq) {
  std::array<char, kSegmentHeaderSize> header{};
  const std::size_t got = file_.read_at(0, header.data(), header.size());
  std::string why;
  const auto header_seq = decode_segment_header(std::string_view(header.data(), got), &why);
  if (!header_seq) {
    fail(std::move(why));
    return;
  }
  if (*header_seq != first_seq) {
    fail(fmt::format("segment header says first sequence {}, file name says {}", *header_seq, first_seq));
    return;
  }
  offset_ = kSegmentHeaderSize;
}

void SegmentReader::seek(std::uint64_t offset, std::uint64_t seq) {
  if (corruption_) return;
  offset_ = offset;
  next_seq_ = seq;
}

std::optional<SpoolRecord> SegmentReader::fail(std::string reason) {
  corruption_ = Corruption{offset_, std::move(reason)};
  return std::nullopt;
}

std::optional<SpoolRecord> SegmentReader::next() {
  if (corruption_) return std::nullopt;

  std::array<char, kRecordHeaderSize> head{};
  const std::size_t got = file_.read_at(offset_, head.data(), head.size());
  if (got == 0) return std::nullopt;
  if (got < head.size()) return fail(fmt::format("truncated record header ({} of {} bytes)", got, head.size()));

  const RecordHeader header = decode_record_header(std::string_view(head.data(), head.size()));
  if (header.type == static_cast<std::uint8_t>(RecordType::kZero)) return fail("record type 0 (zero-filled region)");
  if (header.type != static_cast<std::uint8_t>(RecordType::kPayload)) {
    return fail(fmt::format("unknown record type {}", header.type));
  }
  if (header.length > kMaxPayloadSize) {
    return fail(fmt::format("record length {} exceeds the maximum of {}", header.length, kMaxPayloadSize));
  }

  SpoolRecord record;
  record.payload.resize(header.length);
  const std::size_t body = file_.read_at(offset_ + kRecordHeaderSize, record.payload.data(), header.length);
  if (body < header.length) return fail(fmt::format("truncated payload ({} of {} bytes)", body, header.length));
  if (record_checksum(RecordType::kPayload, header.seq, record.payload) != header.masked_crc) {
    return fail("record checksum mismatch");
  }
  if (header.seq != next_seq_) {
    return fail(fmt::format("record has sequence {} where {} was expected", header.seq, next_seq_));
  }

  record.seq = header.seq;
  offset_ += kRecordHeaderSize + header.length;
  ++next_seq_;
  return record;
}

}  // namespace anpr::spool
