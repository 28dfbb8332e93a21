// anpr-cli history against a real PostgreSQL: no search without a reason,
// every search audited with who, what and why, and hostile text on the
// command line treated as data, never as SQL.
#include <gtest/gtest.h>

#include "central/store/sighting_writer.h"
#include "common/uuid/uuid.h"
#include "tests/integration/cli/cli_fixture.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::cli::testing {
namespace {

using store::testing::kDayUs;
using store::testing::make_sighting;

class HistoryCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const int64_t now = store::testing::now_us();
    batch_ = {make_sighting("AB1234", now - 2 * kDayUs, "lv-terehova"),
              make_sighting("AB1234", now - kDayUs, "lt-medininkai"),
              make_sighting("A81234", now - kDayUs / 2, "lv-terehova")};
    store::SightingWriter(*conn_, evidence_.writer()).write_batch(batch_);
  }
  store::testing::ScratchEvidence evidence_;
  std::vector<v1::Sighting> batch_;
};

TEST_F(HistoryCli, WithoutAReasonNothingIsSearchedOrLogged) {
  CliResult r = cli({"history", "AB1234"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--reason is required"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(cli({"history", "AB1234", "--reason", ""}).exit_code, 2);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 0);
}

TEST_F(HistoryCli, ASearchIsAuditedWithUserQueryAndReason) {
  CliResult r = cli({"history", "ab 1234", "--reason", "case VRS-2024-117"}, "inspector.berzins");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("lt-medininkai"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(uuid::to_text(batch_[1].event_id())), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("lt-medininkai"), r.out.find("lv-terehova")) << "newest first:\n" << r.out;
  EXPECT_EQ(r.out.find("A81234"), std::string::npos) << r.out;

  EXPECT_EQ(scalar("SELECT actor || '|' || action || '|' || subject_plate || '|' || reason FROM audit_log"),
            "inspector.berzins|plate_history|AB1234|case VRS-2024-117");
  EXPECT_NE(scalar("SELECT detail FROM audit_log").find("plate=AB1234 match=exact"), std::string::npos);
}

TEST_F(HistoryCli, FuzzyWildcardFiltersAndCsv) {
  CliResult fuzzy = cli({"history", "AB1234", "--fuzzy", "--reason", "r", "--csv"});
  ASSERT_EQ(fuzzy.exit_code, 0) << fuzzy.err;
  EXPECT_EQ(fuzzy.out.rfind("captured,site,camera,plate,display,country,confidence,event\r\n", 0), 0u) << fuzzy.out;
  EXPECT_NE(fuzzy.out.find(",A81234,"), std::string::npos) << fuzzy.out;

  CliResult site = cli({"history", "A?1234", "--site", "lv-terehova", "--limit", "1", "--reason", "r", "--csv"});
  ASSERT_EQ(site.exit_code, 0) << site.err;
  EXPECT_NE(site.out.find(",A81234,"), std::string::npos) << site.out;
  EXPECT_EQ(site.out.find(",AB1234,"), std::string::npos) << site.out;

  CliResult empty_range = cli({"history", "AB1234", "--reason", "r", "--from", "2020-01-01", "--to", "2020-01-02"});
  ASSERT_EQ(empty_range.exit_code, 0) << empty_range.err;
  EXPECT_EQ(empty_range.out.find("AB1234"), std::string::npos) << empty_range.out;
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'plate_history'"), 3);
}

TEST_F(HistoryCli, SqlInArgumentsIsTreatedAsData) {
  const std::string hostile = "'); DROP TABLE sightings;--";
  CliResult plate = cli({"history", hostile, "--reason", "r"});
  EXPECT_EQ(plate.exit_code, 1);
  EXPECT_NE(plate.err.find("characters no plate has"), std::string::npos) << plate.err;

  EXPECT_EQ(cli({"history", "AB1234", "--site", "x' OR '1'='1", "--reason", "r"}).exit_code, 2);
  EXPECT_EQ(cli({"watchlist", "create", hostile, "--agency", "vp", "--reason", "r"}).exit_code, 2);

  // Free text is stored verbatim, as a value.
  ASSERT_EQ(cli({"watchlist", "create", "lookout", "--agency", "vp", "--reason", hostile}).exit_code, 0);
  CliResult add = cli({"watchlist", "add", "lookout", "AB1234", "--reason", "'); DROP TABLE watchlists;--"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(scalar("SELECT reason FROM watchlist_entries"), "'); DROP TABLE watchlists;--");
  EXPECT_EQ(cli({"watchlist", "add", "lookout", hostile, "--reason", "r"}).exit_code, 2);

  EXPECT_EQ(count("SELECT count(*) FROM sightings"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM watchlists"), 1);
  EXPECT_EQ(scalar("SELECT reason FROM audit_log WHERE action = 'watchlist_create'"), hostile);
}

}  // namespace
}  // namespace anpr::cli::testing
