// The history subcommand; see history_command.h.
#include "central/cli/history_command.h"

#include <cstdio>

#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "central/store/history.h"
#include "common/uuid/uuid.h"

namespace anpr::cli {

namespace {

int history(const Arguments& args, Session& s) {
  store::HistoryQuery query;
  query.plate = args.positional()[0];
  const std::string reason =
      args.required("reason", "a plate search needs a justification (case number), recorded in the audit log");
  query.ocr_tolerant = args.flag("fuzzy");
  if (std::optional<std::string> from = args.value("from")) query.from_us = parse_time(*from, "--from");
  if (std::optional<std::string> to = args.value("to")) query.until_us = parse_time(*to, "--to");
  if (std::optional<std::string> site = args.value("site")) {
    check_identifier(*site, "--site");
    query.site_id = *site;
  }
  query.limit = static_cast<int>(args.integer("limit", 1, store::kMaxHistoryRows, 100));

  const std::vector<store::HistoryRow> rows = store::search_plate_history(s.db(), query, {s.user(), reason});
  Table table{{"captured", "site", "camera", "plate", "display", "country", "confidence", "event"}, {}};
  for (const store::HistoryRow& r : rows) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", static_cast<double>(r.read_confidence));
    table.rows.push_back({time_text(r.captured_at_us), r.site_id, r.camera_id, r.plate_text, r.plate_display,
                          r.plate_country, confidence, uuid::to_text(r.event_id)});
  }
  write_table(s.out, table, args.flag("csv"));
  return 0;
}

}  // namespace

std::vector<Command> history_commands() {
  return {{{"history"},
           "history PLATE --reason WHY [--fuzzy] [--from T] [--to T] [--site S] [--limit N] [--csv]",
           "sightings of a plate or pattern (* any run, ? one character), newest first; audited",
           {{"reason"}, {"fuzzy", false}, {"from"}, {"to"}, {"site"}, {"limit"}, {"csv", false}},
           1,
           1,
           history}};
}

}  // namespace anpr::cli
