// Looking up one sighting's evidence; see evidence_lookup.h.
#include "central/store/evidence_lookup.h"

#include <pqxx/binarystring>
#include <pqxx/transaction>

#include "central/store/audit_log.h"
#include "central/store/pg_text.h"
#include "central/store/store_error.h"

namespace anpr::store {

namespace {

// The ledger's capture time takes the probe to the right day partitions.
const std::string kFind =
    "SELECT s.plate_text, " + epoch_us_sql("s.captured_at") +
    ", e.segment_id, e.segment_offset, e.plate_jpeg, e.overview_jpeg"
    " FROM sighting_ids i"
    " JOIN sightings s ON s.event_id = i.event_id AND s.captured_at = i.captured_at"
    " JOIN sighting_evidence e ON e.event_id = i.event_id AND e.captured_at = i.captured_at"
    " WHERE i.event_id = $1::uuid";

}  // namespace

std::optional<StoredEvidence> find_evidence(pqxx::connection_base& conn, std::string_view event_id,
                                            const Requester& who) {
  const std::string id = uuid_text(event_id);
  if (who.actor.empty() || who.reason.empty()) throw StoreError("an evidence lookup needs an actor and a reason");
  pqxx::work tx(conn, "evidence");
  const pqxx::result rows = tx.exec_params(kFind, id);
  append_audit(tx, {who.actor, "evidence", rows.empty() ? "" : rows[0][0].as<std::string>(),
                    "images of sighting " + id, who.reason});
  tx.commit();
  if (rows.empty()) return std::nullopt;
  const pqxx::row row = rows[0];
  StoredEvidence found;
  found.plate_text = row[0].as<std::string>();
  found.captured_at_us = row[1].as<int64_t>();
  if (!row[2].is_null()) found.location = evidence_store::EvidenceLocation{row[2].as<uint64_t>(), row[3].as<uint64_t>()};
  if (!row[4].is_null()) found.plate_jpeg = pqxx::binarystring(row[4]).str();
  if (!row[5].is_null()) found.overview_jpeg = pqxx::binarystring(row[5]).str();
  return found;
}

}  // namespace anpr::store
