// Finding one sighting's evidence for an investigator: the plate and time of
// the sighting and where its images are (central/evidence), or the images
// themselves for rows written before migration 0007. Looking at a vehicle's
// picture is as much a search as looking up its movements, so the lookup is
// audited in its own transaction like a plate-history search (action
// "evidence"), found or not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pqxx/connection_base>

#include "central/evidence/evidence_format.h"
#include "central/store/history.h"

namespace anpr::store {

struct StoredEvidence {
  std::string plate_text;
  int64_t captured_at_us = 0;
  std::optional<evidence_store::EvidenceLocation> location;  // in segments
  std::string plate_jpeg;                                     // or in the row itself
  std::string overview_jpeg;
};

// The evidence of `event_id` (16 raw bytes); nullopt when no such sighting
// is stored, or it came without images. Throws StoreError for a missing
// actor or reason, before anything is read.
std::optional<StoredEvidence> find_evidence(pqxx::connection_base& conn, std::string_view event_id,
                                            const Requester& who);

}  // namespace anpr::store
