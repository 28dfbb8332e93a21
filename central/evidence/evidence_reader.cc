// Reading one evidence record back; see evidence_reader.h.
#include "central/evidence/evidence_reader.h"

#include <fcntl.h>

#include <string>

#include <spdlog/fmt/fmt.h>

#include "common/posix/posix_file.h"

namespace anpr::evidence_store {

EvidenceRecord read_evidence(const std::filesystem::path& dir, std::string_view event_id,
                             std::int64_t captured_at_us, const EvidenceLocation& at) {
  const std::filesystem::path path = dir / day_folder_name(captured_at_us) / segment_file_name(at.segment_id);
  const auto fail = [&](std::string_view problem) {
    return EvidenceError(fmt::format("evidence {} at offset {}: {}", path.string(), at.offset, problem));
  };
  if (!std::filesystem::exists(path)) throw fail("segment missing");
  try {
    const posix::File file(path, O_RDONLY);
    std::string header(kSegmentHeaderSize, '\0');
    header.resize(file.read_at(0, header.data(), header.size()));
    std::string why;
    const auto id = decode_segment_header(header, &why);
    if (!id) throw fail(why);
    if (*id != at.segment_id) throw fail(fmt::format("the header names segment {:016x}", *id));
    if (at.offset < kSegmentHeaderSize) throw fail("offset inside the segment header");

    std::string bytes(kRecordHeaderSize, '\0');
    if (file.read_at(at.offset, bytes.data(), bytes.size()) != bytes.size()) throw fail("record beyond the end");
    const std::uint32_t length = record_length(bytes);
    if (length > kMaxRecordLength) throw fail(fmt::format("record length {} is corrupt", length));
    bytes.resize(kRecordHeaderSize + length);
    if (file.read_at(at.offset + kRecordHeaderSize, bytes.data() + kRecordHeaderSize, length) != length) {
      throw fail("record truncated");
    }
    auto record = decode_record(bytes, &why);
    if (!record) throw fail(why);
    if (record->event_id != event_id) throw fail("the record belongs to another event");
    return std::move(*record);
  } catch (const posix::FileError& e) {
    throw fail(e.what());
  }
}

}  // namespace anpr::evidence_store
