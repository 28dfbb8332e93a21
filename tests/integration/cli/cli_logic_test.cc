// The pure parts of anpr-cli, without a database: command-line splitting,
// option values, `watchlist add` options under the CSV rules, table output,
// alert lines, and dispatch up to the point a database would be needed.
#include <gtest/gtest.h>

#include <sstream>

#include "central/cli/alert_line.h"
#include "central/cli/arguments.h"
#include "central/cli/cli.h"
#include "central/cli/cli_errors.h"
#include "central/cli/entry_options.h"
#include "central/cli/option_values.h"
#include "central/cli/table.h"

namespace anpr::cli {
namespace {

const std::vector<OptionSpec> kOptions = {{"reason"}, {"limit"}, {"csv", false}};

TEST(Arguments, SplitsOptionsFromPositionalArguments) {
  Arguments a({"AB1234", "--reason", "case 7", "--csv", "--limit=5", "--", "--not-an-option"}, kOptions);
  EXPECT_EQ(a.positional(), (std::vector<std::string>{"AB1234", "--not-an-option"}));
  EXPECT_EQ(a.value("reason"), "case 7");
  EXPECT_TRUE(a.flag("csv"));
  EXPECT_EQ(a.integer("limit", 1, 10, 100), 5);
  EXPECT_EQ(Arguments({}, kOptions).integer("limit", 1, 10, 100), 100);
  EXPECT_FALSE(a.value("missing"));
  // A value is taken whatever it looks like.
  EXPECT_EQ(Arguments({"--reason", "--csv"}, kOptions).value("reason"), "--csv");
}

TEST(Arguments, RefusesWhatTheCommandDidNotDeclare) {
  EXPECT_THROW(Arguments({"--bogus"}, kOptions), UsageError);
  EXPECT_THROW(Arguments({"--reason"}, kOptions), UsageError);
  EXPECT_THROW(Arguments({"--csv=yes"}, kOptions), UsageError);
  EXPECT_THROW(Arguments({"--reason", "a", "--reason", "b"}, kOptions), UsageError);
  EXPECT_THROW(Arguments({"--limit", "0"}, kOptions).integer("limit", 1, 10, 1), UsageError);
  EXPECT_THROW(Arguments({"--limit", "5x"}, kOptions).integer("limit", 1, 10, 1), UsageError);
  try {
    Arguments({"--reason", ""}, kOptions).required("reason", "say why");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "--reason is required: say why");
  }
}

TEST(OptionValues, TimesAndIds) {
  EXPECT_EQ(parse_time("2026-11-25T08:00:03Z", "--from"), 1'795'593'603'000'000);
  EXPECT_EQ(parse_time("2026-11-25", "--from"), 1'795'564'800'000'000);
  EXPECT_EQ(time_text(1'795'593'603'000'000), "2026-11-25T08:00:03Z");
  EXPECT_THROW(parse_time("25.11.2026", "--from"), UsageError);
  EXPECT_THROW(parse_time("2026-11-25 08:00", "--from"), UsageError);
  EXPECT_NO_THROW(check_identifier("lv-terehova-2", "--site"));
  EXPECT_THROW(check_identifier("LV", "--site"), UsageError);
  EXPECT_THROW(check_identifier("", "--site"), UsageError);
  EXPECT_THROW(check_identifier("a'b", "--site"), UsageError);
}

const std::vector<OptionSpec> kEntryOptions = {{"country"},    {"fuzzy", false}, {"reason"},     {"priority"},
                                               {"agency"},     {"restricted", false}, {"valid-from"}, {"valid-until"},
                                               {"hours"}};

TEST(EntryOptions, FollowTheWatchlistCsvRules) {
  const watchlist::Entry e = entry_from_options(
      "stolen-lv", "ав-12 34",
      Arguments({"--country", "LV", "--fuzzy", "--reason", "-stolen, \"red\"", "--priority", "4", "--restricted",
                 "--valid-from", "2026-01-01", "--valid-until", "2026-02-01T12:00:00Z", "--hours", "22:00-06:00"},
                kEntryOptions));
  EXPECT_EQ(e.list, "stolen-lv");
  EXPECT_EQ(e.pattern, "AB1234");  // Cyrillic look-alikes and separators normalised
  EXPECT_EQ(e.country, "LV");
  EXPECT_TRUE(e.fuzzy);
  EXPECT_EQ(e.reason, "-stolen, \"red\"");  // verbatim: no spreadsheet guard, quotes intact
  EXPECT_EQ(e.priority, 4);
  EXPECT_EQ(e.visibility, watchlist::Visibility::kRestricted);
  EXPECT_EQ(e.valid_from_us, parse_time("2026-01-01", "x"));
  ASSERT_TRUE(e.active_hours);
  EXPECT_EQ(e.active_hours->start_minute, 22 * 60);

  const watchlist::Entry plain = entry_from_options("l", "KA*12", Arguments({}, kEntryOptions));
  EXPECT_EQ(plain.priority, 2);
  EXPECT_FALSE(plain.active_hours);
  EXPECT_EQ(plain.visibility, watchlist::Visibility::kShared);

  try {
    entry_from_options("l", "AB1234", Arguments({"--hours", "22-06"}, kEntryOptions));
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("watchlist add: column 'active_hours': expected HH:MM-HH:MM", 0), 0u)
        << e.what();
  }
  EXPECT_THROW(entry_from_options("l", "AB;1234", Arguments({}, kEntryOptions)), UsageError);
  EXPECT_THROW(entry_from_options("l", "AB1234", Arguments({"--country", "lv"}, kEntryOptions)), UsageError);
  EXPECT_THROW(entry_from_options("l", "AB1234",
                                  Arguments({"--valid-from", "2026-02-01", "--valid-until", "2026-01-01"}, kEntryOptions)),
               UsageError);
}

TEST(Table, AlignsByCharactersAndNeutralisesControlCharacters) {
  std::ostringstream out;
  write_aligned(out, {{"plate", "reason"}, {{"AB1234", "zagts \x1b[2Jx"}, {"Ā1", "ok"}}});
  EXPECT_EQ(out.str(),
            "plate   reason\n"
            "AB1234  zagts ?[2Jx\n"
            "Ā1      ok\n");
  std::ostringstream csv;
  write_table(csv, {{"a", "b"}, {{"x,y", "=1"}}}, true);
  EXPECT_EQ(csv.str(), "a,b\r\n\"x,y\",'=1\r\n");
}

TEST(AlertLine, NamesKindPriorityAndMatch) {
  v1::Alert alert;
  alert.set_kind(v1::ALERT_KIND_IMPOSSIBLE_TRAVEL);
  alert.set_priority(v1::ALERT_PRIORITY_HIGH);
  alert.set_agency("vrs");
  alert.set_raised_at_us(1'795'593'603'000'000);
  alert.mutable_sighting()->set_plate_text("AB1234");
  alert.mutable_sighting()->set_site_id("lt-medininkai\n");
  alert.mutable_correlation()->set_rule_id("too-fast");
  alert.set_alert_id(std::string(16, '\x01'));
  EXPECT_EQ(alert_line(alert),
            "2026-11-25T08:00:03Z high impossible_travel AB1234 site=lt-medininkai? rule=too-fast distance=0.00"
            " agency=vrs id=01010101-0101-0101-0101-010101010101");
  EXPECT_EQ(priority_name(1), "low");
  EXPECT_EQ(priority_name(9), "9");
  EXPECT_EQ(kind_name(static_cast<v1::AlertKind>(42)), "kind-42");
}

int run(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr) {
  std::ostringstream o, e;
  const int code = run_cli(args, {std::nullopt, "alice"}, o, e);
  if (out) *out = o.str();
  if (err) *err = e.str();
  return code;
}

TEST(Dispatch, UsageErrorsExitWithTwoBeforeAnyDatabaseIsNeeded) {
  std::string out, err;
  EXPECT_EQ(run({}, &out, &err), 2);
  EXPECT_NE(err.find("usage: anpr-cli"), std::string::npos);
  EXPECT_EQ(run({"help"}, &out), 0);
  EXPECT_NE(out.find("watchlist import LIST"), std::string::npos);
  EXPECT_EQ(run({"--help"}), 0);
  EXPECT_EQ(run({"history", "--help"}, &out), 0);
  EXPECT_EQ(out.rfind("usage: anpr-cli history PLATE --reason WHY", 0), 0u) << out;
  EXPECT_EQ(run({"frobnicate"}), 2);
  EXPECT_EQ(run({"history"}, nullptr, &err), 2);
  EXPECT_NE(err.find("too few arguments"), std::string::npos);
  EXPECT_EQ(run({"history", "A", "B", "--reason", "r"}, nullptr, &err), 2);
  EXPECT_NE(err.find("unexpected argument 'B'"), std::string::npos);
  EXPECT_EQ(run({"alerts", "lisst"}, nullptr, &err), 2);
  // Only now is a database needed, and there is none.
  EXPECT_EQ(run({"--user", "bob", "history", "AB1234", "--reason", "r"}, nullptr, &err), 2);
  EXPECT_NE(err.find("no database"), std::string::npos) << err;
  EXPECT_EQ(run({"history", "AB1234", "--reason", "r", "--db", "host=/nonexistent-anpr-dir dbname=x"}, nullptr, &err), 1);
}

}  // namespace
}  // namespace anpr::cli
