// Reaching a stored sighting's images; see evidence_lookup.h.
#include "central/store/evidence_lookup.h"

#include <pqxx/binarystring>
#include <pqxx/transaction>

#include "central/evidence/evidence_reader.h"
#include "central/store/audit_log.h"
#include "central/store/pg_text.h"
#include "central/store/store_error.h"

namespace anpr::store {

namespace {

// The ledger's capture time takes the probe to the right day partitions.
const std::string kFind = "SELECT s.plate_text, " + epoch_us_sql("s.captured_at") + ", " + kEvidenceColumns +
                          " FROM sighting_ids i"
                          " JOIN sightings s ON s.event_id = i.event_id AND s.captured_at = i.captured_at"
                          " JOIN sighting_evidence e ON e.event_id = i.event_id AND e.captured_at = i.captured_at"
                          " WHERE i.event_id = $1::uuid";

}  // namespace

evidence_store::EvidenceRecord stored_images(const pqxx::row& row, pqxx::row::size_type first,
                                             std::string_view event_id, int64_t captured_at_us,
                                             const std::filesystem::path& evidence_dir) {
  if (!row[first + 2].is_null()) {
    const evidence_store::EvidenceLocation at{row[first + 2].as<uint64_t>(), row[first + 3].as<uint64_t>()};
    return evidence_store::read_evidence(evidence_dir, event_id, captured_at_us, at);
  }
  evidence_store::EvidenceRecord images;
  images.event_id = std::string(event_id);
  if (!row[first].is_null()) images.plate_jpeg = pqxx::binarystring(row[first]).str();
  if (!row[first + 1].is_null()) images.overview_jpeg = pqxx::binarystring(row[first + 1]).str();
  return images;
}

std::optional<StoredEvidence> find_evidence(pqxx::connection_base& conn, std::string_view event_id,
                                            const Requester& who, const std::filesystem::path& evidence_dir) {
  const std::string id = uuid_text(event_id);
  if (who.actor.empty() || who.reason.empty()) throw StoreError("an evidence lookup needs an actor and a reason");
  pqxx::work tx(conn, "evidence");
  const pqxx::result rows = tx.exec_params(kFind, id);
  append_audit(tx, {who.actor, "evidence", rows.empty() ? "" : rows[0][0].as<std::string>(),
                    "images of sighting " + id, who.reason});
  tx.commit();
  if (rows.empty()) return std::nullopt;
  const pqxx::row row = rows[0];
  return StoredEvidence{row[0].as<std::string>(), stored_images(row, 2, event_id, row[1].as<int64_t>(), evidence_dir)};
}

}  // namespace anpr::store
