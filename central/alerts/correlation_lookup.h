// What correlation needs from the database about a batch of new sightings,
// each fetched for the whole batch in one query: the previous sighting of
// each plate (the sightings table is correlation's only state, see
// central/correlate/correlator.h) and the plate's recent crossings for
// frequent-crosser rules.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <pqxx/transaction_base>

#include "anpr/v1/sighting.pb.h"
#include "central/correlate/sighting.h"

namespace anpr::alerts {

// For each of `current`, in order: the latest stored sighting of the same
// plate text captured strictly before it with a read confidence of at least
// `min_confidence`, or nullopt. One index probe per sighting
// (sightings_plate_time), in one statement.
std::vector<std::optional<correlate::Sighting>> previous_sightings(pqxx::transaction_base& tx,
                                                                   std::span<const v1::Sighting* const> current,
                                                                   double min_confidence);

// For each of `current`, in order: when the stored crossings of its plate
// ended (to_at), within `lookback_us` before its capture time.
std::vector<std::vector<int64_t>> recent_crossings(pqxx::transaction_base& tx,
                                                   std::span<const v1::Sighting* const> current, int64_t lookback_us);

}  // namespace anpr::alerts
