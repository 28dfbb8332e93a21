// Building alerts; see alert_factory.h.
#include "central/alerts/alert_factory.h"

#include <stdexcept>

#include "central/alerts/watchlist_hits.h"
#include "common/uuid/uuid.h"

namespace anpr::alerts {

namespace {

v1::Alert base_alert(const v1::Sighting& sighting, v1::AlertKind kind, v1::AlertPriority priority,
                     const std::string& agency, int64_t now_us) {
  v1::Alert alert;
  alert.set_alert_id(uuid::v7(now_us / 1000));
  alert.set_kind(kind);
  alert.set_priority(priority);
  alert.set_agency(agency);
  alert.set_raised_at_us(now_us);
  *alert.mutable_sighting() = sighting;
  return alert;
}

RaisedAlert finding_alert(const v1::Sighting& sighting, v1::AlertKind kind, const FindingAlert& who,
                          const std::string& rule_id, const std::string& rule_name, const std::string& other_event,
                          const std::string& explanation, const AlertPolicy& policy, int64_t now_us) {
  RaisedAlert raised{base_alert(sighting, kind, who.priority, who.agency, now_us), shared_audience(who.agency, policy)};
  v1::CorrelationMatch* match = raised.alert.mutable_correlation();
  match->set_rule_id(rule_id);
  match->set_rule_name(rule_name);
  match->add_related_event_ids(other_event);
  match->set_explanation(explanation);
  return raised;
}

// The event of a pair that is not `sighting` itself.
const std::string& other_of(const v1::Sighting& sighting, const std::string& a, const std::string& b) {
  return a == sighting.event_id() ? b : a;
}

}  // namespace

std::vector<RaisedAlert> alerts_for_hits(const v1::Sighting& sighting, const std::vector<watchlist::Hit>& hits,
                                         const AlertPolicy& policy, int64_t now_us) {
  std::vector<RaisedAlert> out;
  for (const watchlist::Hit& hit : hits) {
    const watchlist::Entry& entry = *hit.entry;
    auto priority = static_cast<v1::AlertPriority>(entry.priority);
    RaisedAlert raised{base_alert(sighting, v1::ALERT_KIND_WATCHLIST, priority, entry.agency, now_us),
                       entry.visibility == watchlist::Visibility::kRestricted
                           ? std::vector<std::string>{entry.agency}
                           : shared_audience(entry.agency, policy)};
    v1::WatchlistMatch* match = raised.alert.mutable_watchlist();
    match->set_watchlist_id(entry.list);
    match->set_entry_id(std::to_string(entry.id));
    match->set_listed_plate(entry.pattern);
    match->set_listed_country(entry.country);
    match->set_reason(entry.reason);
    raised.alert.set_match_distance(match_distance(hit.match));
    out.push_back(std::move(raised));
  }
  return out;
}

std::vector<RaisedAlert> alerts_for_findings(const v1::Sighting& sighting, const correlate::Findings& findings,
                                             const AlertPolicy& policy, int64_t now_us) {
  std::vector<RaisedAlert> out;
  if (findings.crossing && !policy.crossing.agency.empty()) {
    const correlate::Crossing& c = *findings.crossing;
    out.push_back(finding_alert(sighting, v1::ALERT_KIND_BORDER_CROSSING, policy.crossing, "border-crossing",
                                "Border crossing " + c.from_country + " to " + c.to_country,
                                other_of(sighting, c.from_event_id, c.to_event_id), correlate::explain(c), policy,
                                now_us));
  }
  if (findings.impossible_travel && !policy.impossible_travel.agency.empty()) {
    const correlate::ImpossibleTravel& t = *findings.impossible_travel;
    out.push_back(finding_alert(sighting, v1::ALERT_KIND_IMPOSSIBLE_TRAVEL, policy.impossible_travel,
                                "impossible-travel", "Impossible travel",
                                other_of(sighting, t.first_event_id, t.second_event_id), correlate::explain(t),
                                policy, now_us));
  }
  for (const correlate::RuleHit& hit : findings.rule_hits) {
    RaisedAlert raised{base_alert(sighting, v1::ALERT_KIND_CORRELATION_RULE, static_cast<v1::AlertPriority>(hit.priority),
                                  hit.agency, now_us),
                       {hit.agency}};
    v1::CorrelationMatch* match = raised.alert.mutable_correlation();
    match->set_rule_id(hit.rule_id);
    match->set_rule_name(hit.rule_name);
    match->set_explanation(hit.explanation);
    out.push_back(std::move(raised));
  }
  return out;
}

std::string kind_name(v1::AlertKind kind) {
  switch (kind) {
    case v1::ALERT_KIND_WATCHLIST: return "watchlist";
    case v1::ALERT_KIND_BORDER_CROSSING: return "border_crossing";
    case v1::ALERT_KIND_IMPOSSIBLE_TRAVEL: return "impossible_travel";
    case v1::ALERT_KIND_CORRELATION_RULE: return "correlation_rule";
    default: break;
  }
  throw std::invalid_argument("alert kind " + std::to_string(kind) + " has no name in the alerts table");
}

}  // namespace anpr::alerts
