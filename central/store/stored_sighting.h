// Stored sightings read back as wire sightings, for the alert passes that
// start-up recovery runs from the alert backlog (alert_backlog.h). What the
// alert pass reads and a dispatcher sees in an alert comes back: ids, site,
// camera, edge, capture time and clock state, the plate reading with its
// candidates and country, direction, lane, frames seen, engine version and
// the two images (from the evidence segments, central/evidence). The frame
// size and the plate's position in it do not.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "anpr/v1/sighting.pb.h"

namespace anpr::store {

struct StoredSightings {
  std::vector<v1::Sighting> found;   // in the order asked for
  std::vector<std::string> missing;  // raw event ids no longer stored (retention)
  // Sightings found without their images: what was wrong with each (a
  // segment removed or damaged); the rest of the sighting is still good.
  std::vector<std::string> evidence_errors;
};

// The sightings of `event_ids` (raw 16 bytes each), in one statement, their
// images read from the segments under `evidence_dir`.
StoredSightings load_sightings(pqxx::transaction_base& tx, const std::vector<std::string>& event_ids,
                               const std::filesystem::path& evidence_dir);

}  // namespace anpr::store
