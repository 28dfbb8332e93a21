// How a batch of sightings travels to PostgreSQL: the hot fields as rows
// of a table shaped for them as they arrive (the protocol's values as sent,
// protocol "unset" values included), streamed in one text COPY. The evidence
// JPEGs never go this way (central/evidence). The writer copies into its
// session-local staging table; the benchmark copies the same rows into plain
// tables to show what the rest of the write path costs on top.
#pragma once

#include <span>
#include <string>

#include <pqxx/transaction_base>

#include "anpr/v1/sighting.pb.h"

namespace anpr::store {

// The parenthesised column definitions of a staging-shaped table, for
// "CREATE [TEMP] TABLE name <this>".
std::string staging_columns_sql();

// COPYs `rows` into `table` (staging-shaped) within `tx`, the i-th (from 1)
// with batch_index i. Each sighting must have passed storage_problem(); its
// OCR-canonical plate key is computed here. Throws StoreError for an event
// id that is not 16 bytes.
void copy_sightings(pqxx::transaction_base& tx, const std::string& table,
                    std::span<const anpr::v1::Sighting* const> rows);

}  // namespace anpr::store
