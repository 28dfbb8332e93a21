// anpr-cli watchlist commands against a real PostgreSQL: what each command
// stores, that every change leaves its audit row, that imports are all or
// nothing, and that an export imports back to the same list.
#include <gtest/gtest.h>

#include "tests/integration/cli/cli_fixture.h"

namespace anpr::cli::testing {
namespace {

class WatchlistCli : public CliTest {
 protected:
  void create_list(const std::string& list = "stolen-lv") {
    const CliResult r = cli({"watchlist", "create", list, "--agency", "vp", "--fuzzy-equivalents", "1",
                             "--description", "Stolen vehicles, LV", "--reason", "set-up VP-2024-1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string entry_count(const std::string& list) {
    return scalar("SELECT count(*) FROM watchlist_entries WHERE watchlist_id = '" + list + "'");
  }
};

TEST_F(WatchlistCli, CreateAddListRemoveWithAuditRows) {
  create_list();
  EXPECT_EQ(scalar("SELECT agency || '/' || max_equivalent_substitutions || '/' || created_by FROM watchlists"),
            "vp/1/alice");

  CliResult add = cli({"watchlist", "add", "stolen-lv", "ab-1234", "--country", "LV", "--fuzzy", "--priority", "4",
                       "--reason", "stolen 2024-11-02", "--hours", "22:00-06:00", "--restricted"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  const std::string id = scalar("SELECT entry_id FROM watchlist_entries");
  EXPECT_EQ(add.out, "added entry " + id + " (AB1234) to stolen-lv\n");
  EXPECT_EQ(scalar("SELECT pattern || ' ' || country || ' ' || fuzzy || ' ' || priority || ' ' || agency || ' ' ||"
                   " visibility || ' ' || active_start_minute || '-' || active_end_minute || ' ' || created_by"
                   " FROM watchlist_entries"),
            "AB1234 LV true 4 vp restricted 1320-360 alice");

  CliResult lists = cli({"watchlist", "list"});
  ASSERT_EQ(lists.exit_code, 0) << lists.err;
  EXPECT_NE(lists.out.find("stolen-lv"), std::string::npos) << lists.out;
  EXPECT_NE(lists.out.find("Stolen vehicles, LV"), std::string::npos) << lists.out;

  CliResult entries = cli({"watchlist", "list", "stolen-lv", "--csv"});
  ASSERT_EQ(entries.exit_code, 0) << entries.err;
  EXPECT_NE(entries.out.find(id + ",AB1234,LV,yes,4,vp,restricted,,22:00-06:00,stolen 2024-11-02"), std::string::npos)
      << entries.out;

  CliResult remove = cli({"watchlist", "remove", id, "--reason", "recovered 2024-11-20"}, "bob");
  ASSERT_EQ(remove.exit_code, 0) << remove.err;
  EXPECT_EQ(entry_count("stolen-lv"), "0");
  EXPECT_EQ(cli({"watchlist", "remove", id, "--reason", "again"}).exit_code, 1);

  EXPECT_EQ(scalar("SELECT string_agg(actor || ':' || action || ':' || coalesce(subject_plate, '-') || ':' || reason,"
                   " ' | ' ORDER BY audit_id) FROM audit_log"),
            "alice:watchlist_create:-:set-up VP-2024-1 | alice:watchlist_add:AB1234:stolen 2024-11-02 | "
            "bob:watchlist_remove:AB1234:recovered 2024-11-20");
}

TEST_F(WatchlistCli, RefusesBadInputWithTheRightExitCode) {
  create_list();
  // Usage errors (2): nothing is written.
  EXPECT_EQ(cli({"watchlist", "create", "Stolen LV", "--agency", "vp", "--reason", "r"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "create", "other", "--reason", "r"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "add", "stolen-lv", "AB1234"}).exit_code, 2);  // no --reason
  CliResult bad_priority = cli({"watchlist", "add", "stolen-lv", "AB1234", "--reason", "r", "--priority", "9"});
  EXPECT_EQ(bad_priority.exit_code, 2);
  EXPECT_NE(bad_priority.err.find("priority"), std::string::npos) << bad_priority.err;
  EXPECT_EQ(cli({"watchlist", "add", "stolen-lv", "AB1234", "--reason", "r", "--hours", "25:00-06:00"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "add", "stolen-lv", "AB1234", "--reason", "r", "--valid-from", "tomorrow"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "remove", "twelve", "--reason", "r"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "frobnicate"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "list", "--bogus"}).exit_code, 2);
  // Runtime errors (1).
  CliResult twice = cli({"watchlist", "create", "stolen-lv", "--agency", "vp", "--reason", "r"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("exists already"), std::string::npos) << twice.err;
  CliResult unknown = cli({"watchlist", "add", "no-such-list", "AB1234", "--reason", "r"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no watchlist 'no-such-list'"), std::string::npos) << unknown.err;

  EXPECT_EQ(entry_count("stolen-lv"), "0");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 1);  // the create only
}

TEST_F(WatchlistCli, ImportWithAnErrorOnLine3ImportsNothing) {
  create_list();
  write_file("bad.csv",
             "list,plate,reason,priority\n"
             "stolen-lv,AB1234,stolen,3\n"
             "stolen-lv,CD5678,stolen,9\n"
             "stolen-lv,EF9012,stolen,2\n");
  CliResult r = cli({"watchlist", "import", "stolen-lv", scratch("bad.csv"), "--reason", "VP list of 2024-11-25"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:3: column 'priority'"), std::string::npos) << r.err;
  EXPECT_EQ(entry_count("stolen-lv"), "0");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'watchlist_import'"), 0);
}

TEST_F(WatchlistCli, ImportRefusedByTheDatabaseHalfwayLeavesTheListAsItWas) {
  create_list();
  ASSERT_EQ(cli({"watchlist", "add", "stolen-lv", "XY0001", "--reason", "kept"}).exit_code, 0);
  // The CSV reader accepts any agency text; the table's id rule refuses the
  // third entry after the first two were inserted.
  write_file("agency.csv",
             "list,plate,agency\n"
             "stolen-lv,AB1234,vp\n"
             "stolen-lv,CD5678,vp\n"
             "stolen-lv,EF9012,State Police\n");
  CliResult r = cli({"watchlist", "import", "stolen-lv", scratch("agency.csv"), "--replace", "--reason", "r"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("entry 3 (plate EF9012)"), std::string::npos) << r.err;
  EXPECT_EQ(scalar("SELECT string_agg(pattern, ',') FROM watchlist_entries"), "XY0001");

  write_file("other.csv", "list,plate\nstolen-lv,AB1234\nwanted-lt,CD5678\n");
  CliResult other = cli({"watchlist", "import", "stolen-lv", scratch("other.csv"), "--reason", "r"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.err.find("is for list 'wanted-lt'"), std::string::npos) << other.err;
  EXPECT_EQ(entry_count("stolen-lv"), "1");
}

TEST_F(WatchlistCli, ExportImportsBackToTheSameList) {
  create_list();
  ASSERT_EQ(cli({"watchlist", "add", "stolen-lv", "AB1234", "--reason", "stolen, \"red\" Audi", "--priority", "3",
                 "--country", "LV", "--fuzzy"})
                .exit_code,
            0);
  ASSERT_EQ(cli({"watchlist", "add", "stolen-lv", "KA*12", "--reason", "partial plate", "--valid-from", "2026-01-01",
                 "--valid-until", "2026-02-01T12:30:00Z", "--hours", "22:00-06:00", "--restricted"})
                .exit_code,
            0);
  ASSERT_EQ(cli({"watchlist", "add", "stolen-lv", "LT?999", "--reason", "lookout", "--agency", "lt-vsat"}).exit_code, 0);

  CliResult first = cli({"watchlist", "export", "stolen-lv"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("2026-01-01T00:00:00Z,2026-02-01T12:30:00Z,22:00-06:00"), std::string::npos) << first.out;
  write_file("export.csv", first.out);

  CliResult replaced = cli({"watchlist", "import", "stolen-lv", scratch("export.csv"), "--replace", "--reason", "r"});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(replaced.out, "imported 3 entries into stolen-lv (replacing it)\n");
  EXPECT_EQ(entry_count("stolen-lv"), "3");
  CliResult second = cli({"watchlist", "export", "stolen-lv"});
  EXPECT_EQ(second.out, first.out);

  // Into another database holding a list of that name.
  const std::string original = conninfo_;
  use_new_database();
  create_list();
  ASSERT_NE(conninfo_, original);
  CliResult imported = cli({"watchlist", "import", "stolen-lv", scratch("export.csv"), "--reason", "r"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(cli({"watchlist", "export", "stolen-lv"}).out, first.out);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'watchlist_import' AND detail LIKE '%entries=3%'"), 1);
}

TEST_F(WatchlistCli, UserAndDatabaseComeFromTheEnvironment) {
  CliResult r = run_cli_binary({"watchlist", "create", "env-list", "--agency", "vp", "--reason", "r"},
                               {{"ANPR_DB", conninfo_}, {"USER", "carol"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(scalar("SELECT created_by FROM watchlists"), "carol");
  CliResult no_db = run_cli_binary({"watchlist", "list"}, {{"ANPR_DB", ""}});
  EXPECT_EQ(no_db.exit_code, 2);
  EXPECT_NE(no_db.err.find("no database"), std::string::npos) << no_db.err;
  CliResult no_user = run_cli_binary({"watchlist", "create", "x", "--agency", "vp", "--reason", "r"},
                                     {{"ANPR_DB", conninfo_}, {"USER", ""}});
  EXPECT_EQ(no_user.exit_code, 2);
  EXPECT_EQ(count("SELECT count(*) FROM watchlists"), 1);
}

}  // namespace
}  // namespace anpr::cli::testing
