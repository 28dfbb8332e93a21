// Reading the audit log (table audit_log, migration 0003) for oversight:
// who searched or changed what, when and why. Writing it is the store's
// (central/store/audit_log.h), always inside the audited action's
// transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

namespace anpr::cli {

struct AuditRecord {
  int64_t audit_id = 0;
  int64_t at_us = 0;
  std::string actor;
  std::string action;
  std::string subject_plate;  // empty when the action concerned no plate
  std::string detail;
  std::string reason;
};

struct AuditFilter {
  std::optional<int64_t> since_us;
  std::optional<std::string> actor;
  std::optional<std::string> plate;  // normalised plate or pattern, compared exactly
  int limit = 100;
};

// Newest first.
std::vector<AuditRecord> read_audit(pqxx::transaction_base& tx, const AuditFilter& filter);

}  // namespace anpr::cli
