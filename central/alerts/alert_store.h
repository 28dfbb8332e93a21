// Writing what the alert pass found: crossings into `crossings` and alerts
// into `alerts` (migration 0002), in the caller's transaction so that a
// batch's findings are stored together or not at all. A watchlist entry
// deleted between the match and this write leaves the alert with a NULL
// entry reference (the listed plate and reason are kept), instead of
// failing the batch.
#pragma once

#include <span>

#include <pqxx/transaction_base>

#include "central/alerts/alert_factory.h"
#include "central/correlate/crossing.h"

namespace anpr::alerts {

// A crossing already stored (same pair of events) is left as it is.
void store_crossings(pqxx::transaction_base& tx, std::span<const correlate::Crossing> crossings);

void store_alerts(pqxx::transaction_base& tx, std::span<const RaisedAlert> alerts);

}  // namespace anpr::alerts
