// Stored sightings read back as wire sightings, for the alert passes that
// start-up recovery runs from the alert backlog (alert_backlog.h). What the
// alert pass reads and a dispatcher sees in an alert comes back: ids, site,
// camera, edge, capture time and clock state, the plate reading with its
// candidates and country, direction, lane, frames seen, engine version and
// the two images. The frame size and the plate's position in it do not.
#pragma once

#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "anpr/v1/sighting.pb.h"

namespace anpr::store {

struct StoredSightings {
  std::vector<v1::Sighting> found;   // in the order asked for
  std::vector<std::string> missing;  // raw event ids no longer stored (retention)
};

// The sightings of `event_ids` (raw 16 bytes each), in one statement.
StoredSightings load_sightings(pqxx::transaction_base& tx, const std::vector<std::string>& event_ids);

}  // namespace anpr::store
