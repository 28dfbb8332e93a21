// The ingest path's only way into the database: a batch of sightings is
// stored in one transaction with a constant number of round trips whatever
// its size (COPY into a session-local staging table, then one statement that
// moves the new rows on), and central acks the batch only after commit.
//
// Images first: each batch's images are appended to the writer's evidence
// segments and synced before the transaction starts (central/evidence), and
// the rows record where they are, so a committed row never points at an
// image that is not on disk. A batch that fails after that leaves unreferenced
// records behind, which cost space until their day is removed, nothing else.
//
// Exactly-once storage: each event id is entered in the sighting_ids ledger
// (primary key on event_id) with ON CONFLICT DO NOTHING, and only the rows
// that ledger insert returns are written to sightings and sighting_evidence.
// A replay, from the same edge or racing in through another central
// process, finds its id taken and is reported as a duplicate, which the
// caller acks like a new one.
//
// Crash-safe alerts: the fresh ids of a batch are entered in the alert
// backlog in the same transaction (alert_backlog.h); the alert pass removes
// that row when it commits, and start-up recovery runs the passes a crash
// cut off.
//
// A SightingWriter is bound to one connection and used from one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/connection_base>

#include "anpr/v1/sighting.pb.h"
#include "central/evidence/evidence_writer.h"
#include "central/store/partitions.h"
#include "central/store/sighting_checks.h"

namespace anpr::store {

struct RejectedSighting {
  std::string event_id;  // as sent (raw bytes, possibly not 16 of them)
  std::string reason;
};

// Event ids are the raw 16 bytes, in batch order. stored + duplicates are
// what the caller acks; rejected ones will never be storable as sent.
struct BatchResult {
  std::vector<std::string> stored;      // written by this call
  std::vector<std::string> duplicates;  // stored before, or earlier in the same batch
  std::vector<RejectedSighting> rejected;
  // The alert backlog row holding `stored`; unset when nothing was stored.
  std::optional<int64_t> backlog_batch;
};

class SightingWriter {
 public:
  SightingWriter(pqxx::connection_base& conn, evidence_store::EvidenceWriter& evidence, CaptureWindow window = {});

  // Stores `batch` and commits. Throws (pqxx errors, posix::FileError from
  // the evidence segments) when it cannot be written; then nothing of the
  // batch is stored and nothing may be acked.
  BatchResult write_batch(const std::vector<anpr::v1::Sighting>& batch);

 private:
  pqxx::connection_base& conn_;
  evidence_store::EvidenceWriter& evidence_;
  CaptureWindow window_;
  PartitionCache partitions_;
};

}  // namespace anpr::store
