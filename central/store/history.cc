// Plate-history search; see history.h.
#include "central/store/history.h"

#include <pqxx/prepared_statement>
#include <pqxx/result>
#include <pqxx/transaction>

#include "central/store/audit_log.h"
#include "central/store/pg_text.h"

namespace anpr::store {

std::vector<HistoryRow> search_plate_history(pqxx::connection_base& conn, const HistoryQuery& query,
                                             const Requester& who) {
  HistoryStatement st = history_statement(query);
  pqxx::work tx(conn, "plate_history");
  append_audit(tx, {who.actor, "plate_history", st.plate, st.description, who.reason});
  std::vector<HistoryRow> rows;
  for (const pqxx::row& r : tx.exec_params(st.sql, pqxx::prepare::make_dynamic_params(st.params))) {
    rows.push_back({uuid_bytes(r[0].c_str()), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<int64_t>(),
                    r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>(), r[7].as<float>(),
                    r[8].as<float>()});
  }
  tx.commit();
  return rows;
}

}  // namespace anpr::store
