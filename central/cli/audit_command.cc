// The audit subcommand; see audit_command.h.
#include "central/cli/audit_command.h"

#include <pqxx/transaction>

#include "central/cli/audit_records.h"
#include "central/cli/cli_errors.h"
#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "common/plate/plate_text.h"

namespace anpr::cli {

namespace {

int audit(const Arguments& args, Session& s) {
  AuditFilter filter;
  if (std::optional<std::string> since = args.value("since")) filter.since_us = parse_time(*since, "--since");
  filter.actor = args.value("actor");
  if (std::optional<std::string> plate = args.value("plate")) {
    plate::NormalisedText normalised = plate::normalise_pattern(*plate);
    if (!normalised.clean() || normalised.text.empty()) {
      throw UsageError("--plate '" + *plate + "' is not a plate or pattern");
    }
    filter.plate = normalised.text;
  }
  filter.limit = static_cast<int>(args.integer("limit", 1, 100000, 100));

  pqxx::read_transaction tx(s.db(), "audit_read");
  const std::vector<AuditRecord> records = read_audit(tx, filter);
  tx.commit();
  Table table{{"at", "actor", "action", "plate", "reason", "detail"}, {}};
  for (const AuditRecord& r : records) {
    table.rows.push_back({time_text(r.at_us), r.actor, r.action, r.subject_plate, r.reason, r.detail});
  }
  write_table(s.out, table, args.flag("csv"));
  return 0;
}

}  // namespace

std::vector<Command> audit_commands() {
  return {{{"audit"},
           "audit [--since T] [--actor NAME] [--plate P] [--limit N] [--csv]",
           "the audit log: plate searches, watchlist changes, alert decisions",
           {{"since"}, {"actor"}, {"plate"}, {"limit"}, {"csv", false}},
           0,
           0,
           audit}};
}

}  // namespace anpr::cli
