// Audit log reading; see audit_records.h.
#include "central/cli/audit_records.h"

#include <pqxx/result>

#include "central/cli/sql_param.h"
#include "central/store/pg_text.h"

namespace anpr::cli {

std::vector<AuditRecord> read_audit(pqxx::transaction_base& tx, const AuditFilter& filter) {
  const std::optional<std::string> since =
      filter.since_us ? std::optional<std::string>(store::timestamptz_text(*filter.since_us)) : std::nullopt;
  const pqxx::result rows = tx.exec_params(
      "SELECT audit_id, " + store::epoch_us_sql("at") +
          ", actor, action, coalesce(subject_plate, ''), detail, reason FROM audit_log"
          " WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)"
          " AND ($2::text IS NULL OR actor = $2::text)"
          " AND ($3::text IS NULL OR subject_plate = $3::text)"
          " ORDER BY at DESC, audit_id DESC LIMIT $4",
      null_if_absent(since), null_if_absent(filter.actor), null_if_absent(filter.plate), filter.limit);
  std::vector<AuditRecord> records;
  for (const pqxx::row& r : rows) {
    records.push_back({r[0].as<int64_t>(), r[1].as<int64_t>(), r[2].as<std::string>(), r[3].as<std::string>(),
                       r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>()});
  }
  return records;
}

}  // namespace anpr::cli
