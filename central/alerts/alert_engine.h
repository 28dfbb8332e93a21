// The alert pass run after each committed batch: every sighting stored for
// the first time is matched against the watchlist index and correlated with
// the plate's previous sighting; crossings and alerts are stored in one
// transaction and the alerts returned for publishing. The batch's alert
// backlog row is deleted in that transaction too, so a crash before it
// commits leaves the row for start-up recovery. Replayed sightings never
// reach it (only new event ids do), so a resend raises nothing twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <pqxx/connection_base>

#include "central/alerts/alert_factory.h"
#include "central/alerts/alert_policy.h"
#include "central/correlate/correlation_config.h"
#include "central/watchlist/watchlist_index.h"

namespace anpr::alerts {

// What one sighting sets off.
struct Assessment {
  std::vector<correlate::Crossing> crossings;
  std::vector<RaisedAlert> alerts;
};

class AlertEngine {
 public:
  // `index` is shared with whoever keeps it current and must outlive this.
  AlertEngine(const watchlist::Index& index, correlate::CorrelationConfig correlation, AlertPolicy policy);

  // Pure: the watchlist hits and correlation findings of `sighting`, given
  // the plate's previous sighting and recent crossings looked up for it.
  Assessment assess(const v1::Sighting& sighting, const std::optional<correlate::Sighting>& previous,
                    const std::vector<int64_t>& recent_crossings, int64_t now_us) const;

  // Looks up, assesses and stores for all of `fresh` in one transaction on
  // `conn`; returns the alerts to publish, in sighting order. Throws the
  // database's error with nothing stored; the caller may run it again.
  // `backlog_batch`, the alert backlog row holding `fresh`
  // (central/store/alert_backlog.h), is claimed in that same transaction,
  // so the pass commits at most once however often it runs; when another
  // pass claimed it first nothing is stored and nothing returned.
  Assessment process(pqxx::connection_base& conn, std::span<const v1::Sighting* const> fresh,
                     std::optional<int64_t> backlog_batch, int64_t now_us) const;

 private:
  const watchlist::Index& index_;
  correlate::CorrelationConfig correlation_;
  AlertPolicy policy_;
};

}  // namespace anpr::alerts
