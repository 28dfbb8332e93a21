// The alerts subcommands; see alert_commands.h.
#include "central/cli/alert_commands.h"

#include <cstdio>

#include <pqxx/transaction>

#include "central/cli/alert_follow.h"
#include "central/cli/alert_line.h"
#include "central/cli/alert_records.h"
#include "central/cli/cli_errors.h"
#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "central/store/audit_log.h"
#include "common/uuid/uuid.h"

namespace anpr::cli {

namespace {

int list(const Arguments& args, Session& s) {
  AlertFilter filter;
  if (std::optional<std::string> since = args.value("since")) filter.since_us = parse_time(*since, "--since");
  if (std::optional<std::string> agency = args.value("agency")) {
    check_identifier(*agency, "--agency");
    filter.agency = agency;
  }
  filter.limit = static_cast<int>(args.integer("limit", 1, 100000, 100));

  pqxx::read_transaction tx(s.db(), "alerts_list");
  const std::vector<AlertRecord> alerts = list_alerts(tx, filter);
  tx.commit();
  Table table{{"raised", "priority", "kind", "plate", "site", "match", "distance", "agency", "decision", "alert"}, {}};
  for (const AlertRecord& a : alerts) {
    char distance[32];
    std::snprintf(distance, sizeof distance, "%.2f", static_cast<double>(a.match_distance));
    table.rows.push_back({time_text(a.raised_at_us), priority_name(a.priority), a.kind, a.plate_text, a.site_id,
                          a.match, distance, a.agency,
                          a.decision.empty() ? "" : a.decision + " by " + a.decided_by, a.alert_id});
  }
  write_table(s.out, table, args.flag("csv"));
  return 0;
}

int decide(const Arguments& args, Session& s) {
  const std::string& alert_id = args.positional()[0];
  if (!uuid::from_text(alert_id)) throw UsageError("alert id '" + alert_id + "' is not a UUID");
  const std::string& word = args.positional()[1];
  if (word != "accept" && word != "reject") throw UsageError("decision must be accept or reject, got '" + word + "'");
  const Decision decision = word == "accept" ? Decision::kAccepted : Decision::kRejected;
  const std::string reason = args.required("reason", "a decision on an alert is recorded with why it was made");

  pqxx::work tx(s.db(), "alert_decide");
  std::optional<std::string> plate = decide_alert(tx, alert_id, decision, reason, s.user());
  if (!plate) throw CommandError("no alert " + alert_id);
  store::append_audit(tx, {s.user(), "alert_decision", *plate,
                           "alert=" + alert_id + " decision=" + (decision == Decision::kAccepted ? "accepted" : "rejected"),
                           reason});
  tx.commit();
  s.out << (decision == Decision::kAccepted ? "accepted" : "rejected") << " alert " << alert_id << "\n";
  return 0;
}

}  // namespace

std::vector<Command> alert_commands() {
  return {
      {{"alerts"},
       "alerts --follow --endpoint tcp://HOST:PORT [--topic PREFIX] (--server-key FILE.key --key FILE.key_secret"
       " | --plaintext)",
       "print live alerts from the central's PUB feed, one line each, until Ctrl-C",
       {{"follow", false}, {"endpoint"}, {"topic"}, {"server-key"}, {"key"}, {"plaintext", false}},
       0,
       0,
       follow_alerts},
      {{"alerts", "list"}, "alerts list [--since T] [--agency A] [--limit N] [--csv]",
       "stored alerts, newest first, with their latest decision",
       {{"since"}, {"agency"}, {"limit"}, {"csv", false}}, 0, 0, list},
      {{"alerts", "decide"}, "alerts decide ALERT_ID accept|reject --reason WHY",
       "record an officer's decision on an alert", {{"reason"}}, 2, 2, decide},
  };
}

}  // namespace anpr::cli
