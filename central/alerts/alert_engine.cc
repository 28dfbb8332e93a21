// The post-commit alert pass; see alert_engine.h.
#include "central/alerts/alert_engine.h"

#include <pqxx/transaction>

#include "central/alerts/alert_store.h"
#include "central/alerts/border_time.h"
#include "central/alerts/correlation_lookup.h"
#include "central/alerts/correlation_view.h"
#include "central/alerts/watchlist_hits.h"
#include "central/store/alert_backlog.h"

namespace anpr::alerts {

namespace {

void append(std::vector<RaisedAlert>& to, std::vector<RaisedAlert> from) {
  for (RaisedAlert& a : from) to.push_back(std::move(a));
}

}  // namespace

AlertEngine::AlertEngine(const watchlist::Index& index, correlate::CorrelationConfig correlation, AlertPolicy policy)
    : index_(index), correlation_(std::move(correlation)), policy_(std::move(policy)) {}

Assessment AlertEngine::assess(const v1::Sighting& sighting, const std::optional<correlate::Sighting>& previous,
                               const std::vector<int64_t>& recent_crossings, int64_t now_us) const {
  Assessment out;
  out.alerts = alerts_for_hits(sighting, watchlist_hits(index_, sighting), policy_, now_us);
  correlate::SightingContext context{border_minute_of_day(sighting.captured_at_us()), recent_crossings};
  correlate::Findings findings = correlate::evaluate(previous, correlation_view(sighting), correlation_.sites,
                                                     correlation_.options, correlation_.rules, context);
  if (findings.crossing) out.crossings.push_back(*findings.crossing);
  append(out.alerts, alerts_for_findings(sighting, findings, policy_, now_us));
  return out;
}

Assessment AlertEngine::process(pqxx::connection_base& conn, std::span<const v1::Sighting* const> fresh,
                                std::optional<int64_t> backlog_batch, int64_t now_us) const {
  Assessment out;
  if (fresh.empty() && !backlog_batch) return out;
  pqxx::work tx(conn, "alert_pass");
  // Claimed first: a rival pass on the same row then waits here on its row
  // lock instead of doing the look-ups for nothing.
  if (backlog_batch && !store::claim_backlog(tx, *backlog_batch)) return out;
  auto previous = previous_sightings(tx, fresh, correlation_.options.lookup_min_confidence());
  auto crossings = recent_crossings(tx, fresh, correlation_.rules.crossing_lookback_us());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    Assessment one = assess(*fresh[i], previous[i], crossings[i], now_us);
    out.crossings.insert(out.crossings.end(), one.crossings.begin(), one.crossings.end());
    append(out.alerts, std::move(one.alerts));
  }
  store_crossings(tx, out.crossings);
  store_alerts(tx, out.alerts);
  tx.commit();
  return out;
}

}  // namespace anpr::alerts
