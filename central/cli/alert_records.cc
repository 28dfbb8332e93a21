// Stored alerts and their decisions; see alert_records.h. Optional filters
// are NULL parameters, so the statement text never varies with user input.
#include "central/cli/alert_records.h"

#include <pqxx/result>

#include "central/cli/sql_param.h"
#include "central/store/pg_text.h"

namespace anpr::cli {

std::vector<AlertRecord> list_alerts(pqxx::transaction_base& tx, const AlertFilter& filter) {
  const std::optional<std::string> since =
      filter.since_us ? std::optional<std::string>(store::timestamptz_text(*filter.since_us)) : std::nullopt;
  const pqxx::result rows = tx.exec_params(
      "SELECT a.alert_id::text, " + store::epoch_us_sql("a.raised_at") +
          ", a.priority, a.kind, a.agency, a.plate_text, a.site_id,"
          " CASE WHEN a.kind = 'watchlist' THEN coalesce(a.watchlist_id, '(deleted)') || '#' ||"
          " coalesce(a.entry_id::text, '-') ELSE coalesce(a.rule_id, '') END,"
          " a.match_distance, coalesce(d.decision, ''), coalesce(d.decided_by, '')"
          " FROM alerts a LEFT JOIN LATERAL (SELECT decision, decided_by FROM alert_dispositions x"
          " WHERE x.alert_id = a.alert_id ORDER BY decided_at DESC, disposition_id DESC LIMIT 1) d ON true"
          " WHERE ($1::timestamptz IS NULL OR a.raised_at >= $1::timestamptz)"
          " AND ($2::text IS NULL OR a.agency = $2::text)"
          " ORDER BY a.raised_at DESC, a.alert_id DESC LIMIT $3",
      null_if_absent(since), null_if_absent(filter.agency), filter.limit);
  std::vector<AlertRecord> alerts;
  for (const pqxx::row& r : rows) {
    alerts.push_back({r[0].as<std::string>(), r[1].as<int64_t>(), r[2].as<int>(), r[3].as<std::string>(),
                      r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>(), r[7].as<std::string>(),
                      r[8].as<float>(), r[9].as<std::string>(), r[10].as<std::string>()});
  }
  return alerts;
}

std::optional<std::string> decide_alert(pqxx::transaction_base& tx, const std::string& alert_id, Decision decision,
                                        const std::string& reason, const std::string& actor) {
  const pqxx::result r = tx.exec_params(
      "WITH decided AS (INSERT INTO alert_dispositions (alert_id, decision, reason, decided_by)"
      " SELECT alert_id, $2, $3, $4 FROM alerts WHERE alert_id = $1::uuid RETURNING alert_id)"
      " SELECT a.plate_text FROM decided JOIN alerts a USING (alert_id)",
      alert_id, decision == Decision::kAccepted ? "accepted" : "rejected", reason, actor);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

}  // namespace anpr::cli
