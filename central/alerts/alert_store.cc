// Storing crossings and alerts; see alert_store.h.
#include "central/alerts/alert_store.h"

#include <string>
#include <vector>

#include "central/store/pg_text.h"

namespace anpr::alerts {

namespace {

constexpr const char* kInsertCrossing = R"sql(
INSERT INTO crossings (plate_text, from_event_id, from_site_id, from_country, from_at,
                       to_event_id, to_site_id, to_country, to_at)
VALUES ($1, $2::uuid, $3, $4, $5::timestamptz, $6::uuid, $7, $8, $9::timestamptz)
ON CONFLICT (from_event_id, to_event_id) DO NOTHING)sql";

constexpr const char* kInsertAlert = R"sql(
INSERT INTO alerts (alert_id, kind, priority, agency, raised_at, event_id, plate_text, site_id,
                    watchlist_id, entry_id, listed_plate, listed_country, rule_id,
                    related_event_ids, reason, match_distance)
VALUES ($1::uuid, $2, $3, $4, $5::timestamptz, $6::uuid, $7, $8,
        (SELECT watchlist_id FROM watchlists WHERE watchlist_id = NULLIF($9, '')),
        (SELECT entry_id FROM watchlist_entries WHERE entry_id = NULLIF($10::bigint, 0)),
        NULLIF($11, ''), NULLIF($12, ''), NULLIF($13, ''), $14::uuid[], $15, $16))sql";

}  // namespace

void store_crossings(pqxx::transaction_base& tx, std::span<const correlate::Crossing> crossings) {
  for (const correlate::Crossing& c : crossings) {
    tx.exec_params(kInsertCrossing, c.plate_text, store::uuid_text(c.from_event_id), c.from_site_id, c.from_country,
                   store::timestamptz_text(c.from_at_us), store::uuid_text(c.to_event_id), c.to_site_id, c.to_country,
                   store::timestamptz_text(c.to_at_us));
  }
}

void store_alerts(pqxx::transaction_base& tx, std::span<const RaisedAlert> alerts) {
  for (const RaisedAlert& raised : alerts) {
    const v1::Alert& a = raised.alert;
    const v1::Sighting& s = a.sighting();
    std::vector<std::string> related;
    std::string reason;
    if (a.has_correlation()) {
      for (const std::string& id : a.correlation().related_event_ids()) related.push_back(store::uuid_text(id));
      reason = a.correlation().explanation();
    } else {
      reason = a.watchlist().reason();
    }
    const std::string& entry = a.watchlist().entry_id();
    tx.exec_params(kInsertAlert, store::uuid_text(a.alert_id()), kind_name(a.kind()), static_cast<int>(a.priority()),
                   a.agency(), store::timestamptz_text(a.raised_at_us()), store::uuid_text(s.event_id()), s.plate_text(),
                   s.site_id(), a.watchlist().watchlist_id(), entry.empty() ? int64_t{0} : std::stoll(entry),
                   a.watchlist().listed_plate(), a.watchlist().listed_country(), a.correlation().rule_id(),
                   store::text_array(related), reason, static_cast<double>(a.match_distance()));
  }
}

}  // namespace anpr::alerts
