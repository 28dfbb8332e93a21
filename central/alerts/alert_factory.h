// Turning watchlist hits and correlation findings about one sighting into
// the Alerts of docs/protocol.md, each with its audience (alert_policy.h).
// Pure apart from the fresh alert id, so the content of every kind of alert
// is tested without a database or a socket.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anpr/v1/alert.pb.h"
#include "central/alerts/alert_policy.h"
#include "central/correlate/correlator.h"
#include "central/watchlist/watchlist_index.h"

namespace anpr::alerts {

struct RaisedAlert {
  v1::Alert alert;
  // Agencies whose topics the alert is published under, owner first.
  std::vector<std::string> audience;
};

// One alert per hit, raised at `now_us`.
std::vector<RaisedAlert> alerts_for_hits(const v1::Sighting& sighting, const std::vector<watchlist::Hit>& hits,
                                         const AlertPolicy& policy, int64_t now_us);

// One alert per finding: a crossing and an impossible journey when the
// policy names an agency for them, every rule hit.
std::vector<RaisedAlert> alerts_for_findings(const v1::Sighting& sighting, const correlate::Findings& findings,
                                             const AlertPolicy& policy, int64_t now_us);

// "watchlist", "border_crossing", ...: the alerts.kind column's spelling.
std::string kind_name(v1::AlertKind kind);

}  // namespace anpr::alerts
