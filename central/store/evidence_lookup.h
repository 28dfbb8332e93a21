// Reaching a stored sighting's images: the evidence row holds either where
// they are in the segments (central/evidence) or, for rows written before
// migration 0007, the images themselves; `stored_images` turns either into
// the images, for the alert backlog's recovery (stored_sighting.h) and for an
// investigator's lookup. Looking at a vehicle's picture is as much a search
// as looking up its movements, so `find_evidence` is audited in its own
// transaction like a plate-history search (action "evidence"), found or not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <pqxx/connection_base>
#include <pqxx/row>

#include "central/evidence/evidence_format.h"
#include "central/store/history.h"

namespace anpr::store {

// What a query selects from sighting_evidence `e` for stored_images, in
// this order.
inline constexpr const char* kEvidenceColumns = "e.plate_jpeg, e.overview_jpeg, e.segment_id, e.segment_offset";

// The images of the sighting `event_id` captured at `captured_at_us`, from
// the kEvidenceColumns of `row` starting at `first`; empty when all four are
// NULL (no images, or no evidence row). Throws evidence_store::EvidenceError
// when the record under `evidence_dir` cannot be read.
evidence_store::EvidenceRecord stored_images(const pqxx::row& row, pqxx::row::size_type first,
                                             std::string_view event_id, int64_t captured_at_us,
                                             const std::filesystem::path& evidence_dir);

struct StoredEvidence {
  std::string plate_text;
  evidence_store::EvidenceRecord images;
};

// The evidence of `event_id` (16 raw bytes); nullopt when no such sighting
// is stored, or it came without images. Throws StoreError for a missing
// actor or reason, before anything is read, and evidence_store::EvidenceError
// (after the audit row is committed) when its images cannot be read.
std::optional<StoredEvidence> find_evidence(pqxx::connection_base& conn, std::string_view event_id,
                                            const Requester& who, const std::filesystem::path& evidence_dir);

}  // namespace anpr::store
