// Fetching one sighting's images back from the evidence segments (for an
// investigator's export, a restore check or a test), verified end to end: the
// segment header must name the segment the row points at, the record's
// checksum must hold and the record must belong to the event asked for, so a
// mixed-up restore or a corrupted file is an error, never someone else's
// picture.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "central/evidence/evidence_format.h"

namespace anpr::evidence_store {

class EvidenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The images stored for `event_id` (16 raw bytes) captured at
// `captured_at_us` at `at`. Throws EvidenceError naming the file and offset
// when the segment is missing (retention, an incomplete restore) or the
// record is not what was asked for.
EvidenceRecord read_evidence(const std::filesystem::path& dir, std::string_view event_id,
                             std::int64_t captured_at_us, const EvidenceLocation& at);

}  // namespace anpr::evidence_store
