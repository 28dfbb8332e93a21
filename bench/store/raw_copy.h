// The floor both store benchmarks compare the write path with: the same
// sightings COPYed in batches, each batch one transaction, into plain
// unindexed tables of the shapes they travel in (the staging-shaped hot
// rows, and the images as hex bytea in a twin table, libpqxx 6.4's COPY
// being text only), in the same database and run. What the store adds on
// top (dedup, partition routing, indexes, the images' binary transfer and
// out-of-COPY insert) is the difference.
#pragma once

#include <span>

#include <pqxx/connection>

#include "anpr/v1/sighting.pb.h"

namespace anpr::bench {

// Seconds spent COPYing `rows` in batches of `batch`; creates and drops
// the tables bench_raw_copy and bench_raw_images.
double raw_copy_seconds(pqxx::connection& conn, std::span<const anpr::v1::Sighting* const> rows, std::size_t batch);

}  // namespace anpr::bench
