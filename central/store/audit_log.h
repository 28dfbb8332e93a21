// Appending to the audit log: who did what, when and why. The entry is
// written in the caller's transaction, the same one as the action it
// records, so the action and its record commit or vanish together.
#pragma once

#include <string>

#include <pqxx/transaction_base>

namespace anpr::store {

struct AuditEntry {
  std::string actor;          // who: the investigator's or operator's login
  std::string action;         // what kind: "plate_history", "watchlist_add", ...
  std::string subject_plate;  // the plate or pattern concerned; empty if none
  std::string detail;         // what exactly, for a person reading the log
  std::string reason;         // why: case number or justification
};

// Throws StoreError when actor, action or reason is empty: an action nobody
// can be held to account for is refused rather than logged half.
void append_audit(pqxx::transaction_base& tx, const AuditEntry& entry);

}  // namespace anpr::store
