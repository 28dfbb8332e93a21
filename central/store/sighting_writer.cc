// Batched sighting writes; see sighting_writer.h. Round trips per batch:
// BEGIN, staging set-up, COPY (start and end), the move statement, COMMIT;
// plus one on the first batch of a new day (partitions.h). Before them, one
// write and one fdatasync per evidence segment the batch touches.
#include "central/store/sighting_writer.h"

#include <chrono>
#include <vector>
#include <unordered_set>

#include <pqxx/result>
#include <pqxx/transaction>

#include "central/store/pg_text.h"
#include "central/store/sighting_copy.h"

namespace anpr::store {

namespace {

// Session-local and emptied at every commit, so it is created once per
// connection (again after a reconnect) and never churns the catalog.
const std::string kPrepareStaging = "SET LOCAL client_min_messages = warning;"
                                    " CREATE TEMP TABLE IF NOT EXISTS sighting_staging " +
                                    staging_columns_sql() + " ON COMMIT DELETE ROWS";

// Moves the staged rows whose event id the ledger did not hold yet, mapping
// protocol "unset" values to NULL (enum values this build does not know
// read as unset, docs/protocol.md), and where their images are from the
// three bigint[] parameters ($1 batch index, $2 segment, $3 offset), and enters
// the fresh ids in the alert backlog as one row (alert_backlog.h). Every
// fresh id comes back with that row's batch id. Ledger rows go in event-id
// order, so two writers holding the same resent ids wait for each other
// instead of deadlocking.
constexpr const char* kMoveStaged = R"sql(
WITH fresh AS (
  INSERT INTO sighting_ids (event_id, captured_at)
  SELECT event_id, captured_at FROM sighting_staging ORDER BY event_id
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
), stored AS (
  INSERT INTO sightings (
    event_id, captured_at, edge_id, camera_id, site_id, plate_text, plate_key, plate_display,
    plate_country, country_confidence, read_confidence, candidate_texts, candidate_confidences,
    frame_width, frame_height, plate_box, plate_corners, direction, lane, frames_seen,
    clock_state, clock_error_us, engine_version)
  SELECT
    s.event_id, s.captured_at, s.edge_id, s.camera_id, s.site_id, s.plate_text, s.plate_key,
    NULLIF(s.plate_display, ''),
    NULLIF(s.plate_country, ''),
    CASE WHEN s.plate_country <> '' THEN s.country_confidence END,
    s.read_confidence, s.candidate_texts, s.candidate_confidences,
    NULLIF(s.frame_width, 0), NULLIF(s.frame_height, 0),
    NULLIF(s.plate_box, '{}'), NULLIF(s.plate_corners, '{}'),
    CASE WHEN s.direction BETWEEN 1 AND 3 THEN s.direction END,
    NULLIF(s.lane, 0), s.frames_seen,
    CASE WHEN s.clock_state BETWEEN 1 AND 3 THEN s.clock_state END,
    NULLIF(s.clock_error_us, 0),
    NULLIF(s.engine_version, '')
  FROM sighting_staging s JOIN fresh USING (event_id)
), evidence AS (
  INSERT INTO sighting_evidence (event_id, captured_at, segment_id, segment_offset)
  SELECT s.event_id, s.captured_at, e.segment_id, e.segment_offset
  FROM sighting_staging s JOIN fresh USING (event_id)
  JOIN unnest($1::int8[], $2::int8[], $3::int8[]) AS e (batch_index, segment_id, segment_offset)
    ON e.batch_index = s.batch_index
), backlog AS (
  INSERT INTO alert_backlog (event_ids)
  SELECT array_agg(event_id) FROM fresh HAVING count(*) > 0
  RETURNING batch_id
)
SELECT fresh.event_id::text, backlog.batch_id FROM fresh CROSS JOIN backlog)sql";

// Where the images of a batch went, by copy_sightings' batch index (from 1);
// rows without images have no entry.
struct EvidenceColumns {
  std::vector<int64_t> batch_index;
  std::vector<int64_t> segment_id;
  std::vector<int64_t> segment_offset;
};

EvidenceColumns store_evidence(evidence_store::EvidenceWriter& writer,
                               const std::vector<const anpr::v1::Sighting*>& rows) {
  std::vector<evidence_store::EvidenceItem> items;
  items.reserve(rows.size());
  for (const anpr::v1::Sighting* s : rows) {
    items.push_back({s->event_id(), s->captured_at_us(), s->plate_jpeg(), s->overview_jpeg()});
  }
  const auto where = writer.append(items);
  EvidenceColumns columns;
  for (std::size_t i = 0; i < where.size(); ++i) {
    if (!where[i]) continue;
    columns.batch_index.push_back(static_cast<int64_t>(i + 1));
    columns.segment_id.push_back(static_cast<int64_t>(where[i]->segment_id));
    columns.segment_offset.push_back(static_cast<int64_t>(where[i]->offset));
  }
  return columns;
}

int64_t now_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

// Prepared once per connection (libpqxx prepares it again by itself after a
// reconnect), so a batch costs no parse and no plan of the move statement.
constexpr const char* kMoveStagedName = "anpr_move_staged_sightings";

SightingWriter::SightingWriter(pqxx::connection_base& conn, evidence_store::EvidenceWriter& evidence,
                               CaptureWindow window)
    : conn_(conn), evidence_(evidence), window_(window) {
  conn_.prepare(kMoveStagedName, kMoveStaged);
}

BatchResult SightingWriter::write_batch(const std::vector<anpr::v1::Sighting>& batch) {
  enum class Fate { kRejected, kWritten, kRepeated };
  BatchResult result;
  std::vector<Fate> fate(batch.size(), Fate::kRepeated);
  std::vector<int64_t> times;
  std::unordered_set<std::string> seen;
  int64_t now = now_us();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (auto problem = storage_problem(batch[i], now, window_)) {
      fate[i] = Fate::kRejected;
      result.rejected.push_back({batch[i].event_id(), *problem});
    } else if (seen.insert(batch[i].event_id()).second) {
      fate[i] = Fate::kWritten;
      times.push_back(batch[i].captured_at_us());
    }
  }
  if (times.empty()) return result;

  std::vector<const anpr::v1::Sighting*> rows;
  rows.reserve(times.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (fate[i] == Fate::kWritten) rows.push_back(&batch[i]);
  }
  const EvidenceColumns evidence = store_evidence(evidence_, rows);

  std::unordered_set<std::string> fresh;
  try {
    partitions_.ensure(conn_, times);
    pqxx::work tx(conn_, "write_batch");
    tx.exec(kPrepareStaging);
    copy_sightings(tx, "sighting_staging", rows);
    for (const pqxx::row& row : tx.exec_prepared(kMoveStagedName, bigint_array(evidence.batch_index),
                                                 bigint_array(evidence.segment_id),
                                                 bigint_array(evidence.segment_offset))) {
      fresh.insert(uuid_bytes(row[0].c_str()));
      result.backlog_batch = row[1].as<int64_t>();
    }
    tx.commit();
  } catch (...) {
    partitions_.forget();
    throw;
  }

  for (std::size_t i = 0; i < batch.size(); ++i) {
    const std::string& id = batch[i].event_id();
    if (fate[i] == Fate::kRejected) continue;
    (fate[i] == Fate::kWritten && fresh.contains(id) ? result.stored : result.duplicates).push_back(id);
  }
  return result;
}

}  // namespace anpr::store
