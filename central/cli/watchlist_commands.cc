// The watchlist subcommands; see watchlist_commands.h. Data access is
// central/watchlist/watchlist_repository.h; this file turns options into
// calls, adds the audit record and prints.
#include "central/cli/watchlist_commands.h"

#include <fstream>
#include <iostream>
#include <limits>

#include <pqxx/transaction>

#include "central/cli/cli_errors.h"
#include "central/cli/entry_options.h"
#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "central/store/audit_log.h"
#include "central/watchlist/watchlist_csv.h"
#include "central/watchlist/watchlist_repository.h"

namespace anpr::cli {

namespace {

constexpr const char* kReasonWhy = "every watchlist change is recorded with why it was made";

std::string hours_text(const watchlist::Entry& e) {
  if (!e.active_hours) return "";
  auto clock = [](int minutes) {
    return std::to_string(minutes / 60 + 100).substr(1) + ":" + std::to_string(minutes % 60 + 100).substr(1);
  };
  return clock(e.active_hours->start_minute) + "-" + clock(e.active_hours->end_minute);
}

std::string validity_text(const watchlist::Entry& e) {
  const bool from = e.valid_from_us != std::numeric_limits<int64_t>::min();
  const bool until = e.valid_until_us != std::numeric_limits<int64_t>::max();
  if (!from && !until) return "";
  return (from ? time_text(e.valid_from_us) : std::string()) + ".." + (until ? time_text(e.valid_until_us) : "");
}

std::string entry_detail(const watchlist::Entry& e) {
  return "list=" + e.list + " entry=" + std::to_string(e.id) + " plate=" + e.pattern +
         " country=" + (e.country.empty() ? "any" : e.country) + " fuzzy=" + (e.fuzzy ? "yes" : "no") +
         " priority=" + std::to_string(e.priority) +
         " visibility=" + (e.visibility == watchlist::Visibility::kRestricted ? "restricted" : "shared");
}

int create(const Arguments& args, Session& s) {
  watchlist::Watchlist list;
  list.id = args.positional()[0];
  check_identifier(list.id, "watchlist id");
  list.agency = args.required("agency");
  check_identifier(list.agency, "--agency");
  list.description = args.value("description").value_or("");
  list.tolerance.max_equivalent_substitutions = static_cast<unsigned>(args.integer("fuzzy-equivalents", 0, 8, 0));
  list.tolerance.max_other_edits = static_cast<unsigned>(args.integer("fuzzy-edits", 0, 3, 0));
  const std::string reason = args.required("reason", kReasonWhy);

  pqxx::work tx(s.db(), "watchlist_create");
  watchlist::create_watchlist(tx, list, s.user());
  store::append_audit(tx, {s.user(), "watchlist_create", "",
                           "list=" + list.id + " agency=" + list.agency + " fuzzy_equivalents=" +
                               std::to_string(list.tolerance.max_equivalent_substitutions) +
                               " fuzzy_edits=" + std::to_string(list.tolerance.max_other_edits),
                           reason});
  tx.commit();
  s.out << "created watchlist " << list.id << "\n";
  return 0;
}

int add(const Arguments& args, Session& s) {
  const std::string& list = args.positional()[0];
  check_identifier(list, "watchlist id");
  args.required("reason", "why the plate is listed; it is also recorded in the audit log");
  if (std::optional<std::string> agency = args.value("agency")) check_identifier(*agency, "--agency");
  watchlist::Entry entry = entry_from_options(list, args.positional()[1], args);

  pqxx::work tx(s.db(), "watchlist_add");
  entry.id = watchlist::add_entry(tx, entry, s.user());
  store::append_audit(tx, {s.user(), "watchlist_add", entry.pattern, entry_detail(entry), entry.reason});
  tx.commit();
  s.out << "added entry " << entry.id << " (" << entry.pattern << ") to " << list << "\n";
  return 0;
}

int remove(const Arguments& args, Session& s) {
  const int64_t id = parse_integer(args.positional()[0], 1, std::numeric_limits<int64_t>::max(), "entry id");
  const std::string reason = args.required("reason", kReasonWhy);

  pqxx::work tx(s.db(), "watchlist_remove");
  std::optional<watchlist::Entry> removed = watchlist::remove_entry(tx, id);
  if (!removed) throw CommandError("no watchlist entry " + std::to_string(id));
  store::append_audit(tx, {s.user(), "watchlist_remove", removed->pattern, entry_detail(*removed), reason});
  tx.commit();
  s.out << "removed entry " << id << " (" << removed->pattern << ") from " << removed->list << "\n";
  return 0;
}

Table lists_table(pqxx::transaction_base& tx) {
  Table table{{"list", "agency", "entries", "fuzzy_equivalents", "fuzzy_edits", "created", "created_by", "description"},
              {}};
  for (const watchlist::Watchlist& l : watchlist::list_watchlists(tx)) {
    table.rows.push_back({l.id, l.agency, std::to_string(l.entry_count),
                          std::to_string(l.tolerance.max_equivalent_substitutions),
                          std::to_string(l.tolerance.max_other_edits), time_text(l.created_at_us), l.created_by,
                          l.description});
  }
  return table;
}

Table entries_table(pqxx::transaction_base& tx, const std::string& list) {
  Table table{{"entry", "plate", "country", "fuzzy", "priority", "agency", "visibility", "valid", "hours", "reason"},
              {}};
  for (const watchlist::Entry& e : watchlist::list_entries(tx, list)) {
    table.rows.push_back({std::to_string(e.id), e.pattern, e.country, e.fuzzy ? "yes" : "no",
                          std::to_string(e.priority), e.agency,
                          e.visibility == watchlist::Visibility::kRestricted ? "restricted" : "shared",
                          validity_text(e), hours_text(e), e.reason});
  }
  return table;
}

int list(const Arguments& args, Session& s) {
  pqxx::read_transaction tx(s.db(), "watchlist_list");
  const Table table = args.positional().empty() ? lists_table(tx) : entries_table(tx, args.positional()[0]);
  tx.commit();
  write_table(s.out, table, args.flag("csv"));
  return 0;
}

int import(const Arguments& args, Session& s) {
  const std::string& list = args.positional()[0];
  const std::string& path = args.positional()[1];
  check_identifier(list, "watchlist id");
  const std::string reason = args.required("reason", kReasonWhy);
  std::vector<watchlist::Entry> entries;
  if (path == "-") {
    entries = watchlist::read_csv(std::cin, "<stdin>");
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw CommandError("cannot open " + path);
    entries = watchlist::read_csv(file, path);
  }

  pqxx::work tx(s.db(), "watchlist_import");
  const std::size_t added = watchlist::import_entries(tx, list, entries, args.flag("replace"), s.user());
  store::append_audit(tx, {s.user(), "watchlist_import", "",
                           "list=" + list + " file=" + path + " entries=" + std::to_string(added) +
                               " replace=" + (args.flag("replace") ? "yes" : "no"),
                           reason});
  tx.commit();
  s.out << "imported " << added << " entries into " << list << (args.flag("replace") ? " (replacing it)" : "") << "\n";
  return 0;
}

int export_list(const Arguments& args, Session& s) {
  pqxx::read_transaction tx(s.db(), "watchlist_export");
  const std::vector<watchlist::Entry> entries = watchlist::list_entries(tx, args.positional()[0]);
  tx.commit();
  watchlist::write_csv(s.out, entries);
  return 0;
}

}  // namespace

std::vector<Command> watchlist_commands() {
  const std::vector<OptionSpec> entry_options = {
      {"country"},     {"fuzzy", false}, {"reason"},    {"priority"}, {"agency"}, {"restricted", false},
      {"valid-from"},  {"valid-until"},  {"hours"}};
  return {
      {{"watchlist", "create"},
       "watchlist create LIST --agency A --reason WHY [--fuzzy-equivalents N] [--fuzzy-edits M] [--description D]",
       "create an empty watchlist owned by an agency",
       {{"agency"}, {"reason"}, {"fuzzy-equivalents"}, {"fuzzy-edits"}, {"description"}},
       1, 1, create},
      {{"watchlist", "add"},
       "watchlist add LIST PLATE --reason WHY [--country CC] [--fuzzy] [--priority 1..4] [--agency A] [--restricted]"
       " [--valid-from T] [--valid-until T] [--hours HH:MM-HH:MM]",
       "add a plate (or a pattern with * and ?) to a watchlist",
       entry_options, 2, 2, add},
      {{"watchlist", "remove"}, "watchlist remove ENTRY_ID --reason WHY", "remove one entry", {{"reason"}}, 1, 1,
       remove},
      {{"watchlist", "list"}, "watchlist list [LIST] [--csv]", "all watchlists, or the entries of one",
       {{"csv", false}}, 0, 1, list},
      {{"watchlist", "import"}, "watchlist import LIST FILE.csv|- --reason WHY [--replace]",
       "add a CSV file's entries to a list, all or none", {{"reason"}, {"replace", false}}, 2, 2, import},
      {{"watchlist", "export"}, "watchlist export LIST", "print a list as CSV (the format import reads)", {}, 1, 1,
       export_list},
  };
}

}  // namespace anpr::cli
