// The alert backlog (migration 0006): the batches of stored sightings whose
// alert pass has not committed yet. SightingWriter enters a batch in the
// transaction that stores it; the alert pass claims (deletes) the row in
// the transaction that stores its crossings and alerts. A row found at
// start-up is a pass a crash or a stop cut off, which central then runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

namespace anpr::store {

struct BacklogBatch {
  int64_t batch_id = 0;
  std::vector<std::string> event_ids;  // raw 16 bytes each, as the writer stored them
};

// Every batch still waiting, oldest first.
std::vector<BacklogBatch> pending_backlog(pqxx::transaction_base& tx);

// Deletes the row of `batch_id`; false when it was gone already (another
// pass claimed it), in which case the caller must not commit its findings.
bool claim_backlog(pqxx::transaction_base& tx, int64_t batch_id);

}  // namespace anpr::store
