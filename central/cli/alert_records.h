// Alerts as stored (tables alerts and alert_dispositions, migration 0002):
// listing them with their latest decision, and recording a decision. A
// decision is appended, never overwritten, so the history of how an alert
// was judged stays readable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

namespace anpr::cli {

struct AlertRecord {
  std::string alert_id;  // canonical UUID text
  int64_t raised_at_us = 0;
  int priority = 0;
  std::string kind;  // watchlist, border_crossing, ...
  std::string agency;
  std::string plate_text;
  std::string site_id;
  std::string match;  // "stolen-lv#42" for a watchlist hit, the rule id otherwise
  float match_distance = 0;
  std::string decision;    // latest: accepted / rejected; empty when undecided
  std::string decided_by;  // who made the latest decision
};

struct AlertFilter {
  std::optional<int64_t> since_us;
  std::optional<std::string> agency;
  int limit = 100;
};

// Newest first.
std::vector<AlertRecord> list_alerts(pqxx::transaction_base& tx, const AlertFilter& filter);

enum class Decision { kAccepted, kRejected };

// Appends a decision by `actor` and returns the alert's plate; nullopt when
// no alert has that id (canonical UUID text).
std::optional<std::string> decide_alert(pqxx::transaction_base& tx, const std::string& alert_id, Decision decision,
                                        const std::string& reason, const std::string& actor);

}  // namespace anpr::cli
