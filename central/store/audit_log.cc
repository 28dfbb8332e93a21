// Audit log appends; see audit_log.h. "When" is the transaction's start
// time (the column default), the moment the audited action saw the data.
#include "central/store/audit_log.h"

#include "central/store/store_error.h"

namespace anpr::store {

void append_audit(pqxx::transaction_base& tx, const AuditEntry& entry) {
  for (auto [field, value] : {std::pair<const char*, const std::string&>{"actor", entry.actor},
                              {"action", entry.action},
                              {"reason", entry.reason}}) {
    if (value.empty()) throw StoreError(std::string("audit entry for '") + entry.action + "' has no " + field);
  }
  tx.exec_params0(
      "INSERT INTO audit_log (actor, action, subject_plate, detail, reason) VALUES ($1, $2, NULLIF($3, ''), $4, $5)",
      entry.actor, entry.action, entry.subject_plate, entry.detail, entry.reason);
}

}  // namespace anpr::store
