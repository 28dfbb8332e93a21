// Reading and claiming alert backlog rows; see alert_backlog.h.
#include "central/store/alert_backlog.h"

#include <pqxx/result>

#include "central/store/pg_text.h"

namespace anpr::store {

std::vector<BacklogBatch> pending_backlog(pqxx::transaction_base& tx) {
  // Unnested here so that no uuid[] literal has to be parsed in C++.
  const pqxx::result rows = tx.exec(
      "SELECT b.batch_id, e.event_id::text FROM alert_backlog b"
      " CROSS JOIN LATERAL unnest(b.event_ids) WITH ORDINALITY AS e(event_id, n)"
      " ORDER BY b.batch_id, e.n");
  std::vector<BacklogBatch> out;
  for (const pqxx::row& row : rows) {
    const int64_t batch_id = row[0].as<int64_t>();
    if (out.empty() || out.back().batch_id != batch_id) out.push_back({batch_id, {}});
    out.back().event_ids.push_back(uuid_bytes(row[1].c_str()));
  }
  return out;
}

bool claim_backlog(pqxx::transaction_base& tx, int64_t batch_id) {
  return tx.exec_params("DELETE FROM alert_backlog WHERE batch_id = $1", batch_id).affected_rows() == 1;
}

}  // namespace anpr::store
