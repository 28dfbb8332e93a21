// anpr-cli edge commands against a real PostgreSQL: only a key file the
// transport layer can load is enrolled, and a key goes from enrolled to
// listed to revoked, which keeps its record and bars it for good.
#include <gtest/gtest.h>

#include <sstream>

#include <pqxx/nontransaction>

#include "common/csv/csv.h"
#include "common/transport/curve_keys.h"
#include "common/transport/key_files.h"
#include "tests/integration/cli/cli_fixture.h"

namespace anpr::cli::testing {
namespace {

class EdgeCli : public CliTest {
 protected:
  // Writes a fresh pair as <scratch>/<name>.key(_secret); returns the public key.
  std::string new_key(const std::string& name) {
    const transport::CurveKeyPair keys = transport::generate_curve_key_pair();
    transport::save_key_pair(keys, scratch(""), name, false);
    return keys.public_key;
  }
};

TEST_F(EdgeCli, ABadKeyFileIsRefused) {
  write_file("garbage.key", "this is not a certificate\n");
  CliResult garbage = cli({"edge", "enrol", "edge-riga-1", "--key", scratch("garbage.key")});
  EXPECT_EQ(garbage.exit_code, 1);
  EXPECT_NE(garbage.err.find("garbage.key"), std::string::npos) << garbage.err;

  write_file("short.key", "metadata\ncurve\n    public-key = \"tooshort\"\n");
  EXPECT_EQ(cli({"edge", "enrol", "edge-riga-1", "--key", scratch("short.key")}).exit_code, 1);
  EXPECT_EQ(cli({"edge", "enrol", "edge-riga-1", "--key", scratch("missing.key")}).exit_code, 1);
  EXPECT_EQ(cli({"edge", "enrol", "edge-riga-1"}).exit_code, 2);
  new_key("good");
  EXPECT_EQ(cli({"edge", "enrol", "Edge Riga", "--key", scratch("good.key")}).exit_code, 2);
  CliResult no_site = cli({"edge", "enrol", "edge-riga-1", "--key", scratch("good.key"), "--site", "lv-nowhere"});
  EXPECT_EQ(no_site.exit_code, 1);
  EXPECT_NE(no_site.err.find("no site 'lv-nowhere'"), std::string::npos) << no_site.err;
  EXPECT_EQ(count("SELECT count(*) FROM edge_keys"), 0);
}

TEST_F(EdgeCli, EnrolListRevoke) {
  pqxx::nontransaction(*conn_).exec0(
      "INSERT INTO sites (site_id, name, country) VALUES ('lv-terehova', 'Terehova', 'LV')");
  const std::string first = new_key("edge-terehova-1");
  const std::string second = new_key("edge-terehova-1-next");

  CliResult enrol = cli({"edge", "enrol", "edge-terehova-1", "--key", scratch("edge-terehova-1.key"), "--site",
                         "lv-terehova", "--comment", "box 1, gate A"});
  ASSERT_EQ(enrol.exit_code, 0) << enrol.err;
  EXPECT_EQ(enrol.out, "enrolled key " + first + " for edge edge-terehova-1\n");
  // The secret file holds the same public key: enrolling it again is a duplicate.
  CliResult again = cli({"edge", "enrol", "edge-terehova-1", "--key", scratch("edge-terehova-1.key_secret")});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("enrolled already"), std::string::npos) << again.err;
  ASSERT_EQ(cli({"edge", "enrol", "edge-terehova-1", "--key", scratch("edge-terehova-1-next.key")}).exit_code, 0);

  CliResult list = cli({"edge", "list", "--csv"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  // Read as CSV: a Z85 key may begin with '=', which the writer defuses for
  // spreadsheets and the reader restores.
  std::istringstream listed(list.out);
  anpr::csv::Reader reader(listed);
  std::vector<std::string> row;
  bool found = false;
  while (reader.next(row)) {
    if (row.size() == 9 && row[2] == first) {
      found = true;
      EXPECT_EQ(row[0], "edge-terehova-1");
      EXPECT_EQ(row[1], "lv-terehova");
      EXPECT_EQ(row[3], "active");
      EXPECT_EQ(row[5], "alice");
      EXPECT_EQ(row[8], "box 1, gate A");
    }
  }
  EXPECT_TRUE(found) << list.out;

  CliResult revoke_one = cli({"edge", "revoke", first}, "bob");
  ASSERT_EQ(revoke_one.exit_code, 0) << revoke_one.err;
  EXPECT_EQ(revoke_one.out, "revoked key " + first + " of edge edge-terehova-1\n");
  EXPECT_EQ(scalar("SELECT revoked_by FROM edge_keys WHERE public_key = '" + first + "'"), "bob");
  EXPECT_EQ(scalar("SELECT count(*) FROM edge_keys WHERE revoked_at IS NULL"), "1");

  CliResult revoke_edge = cli({"edge", "revoke", "edge-terehova-1"});
  ASSERT_EQ(revoke_edge.exit_code, 0) << revoke_edge.err;
  EXPECT_EQ(revoke_edge.out, "revoked key " + second + " of edge edge-terehova-1\n");
  EXPECT_EQ(cli({"edge", "revoke", "edge-terehova-1"}).exit_code, 1);

  CliResult reenrol = cli({"edge", "enrol", "edge-terehova-1", "--key", scratch("edge-terehova-1.key")});
  EXPECT_EQ(reenrol.exit_code, 1);
  EXPECT_NE(reenrol.err.find("was revoked"), std::string::npos) << reenrol.err;

  CliResult after = cli({"edge", "list"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out.find("active"), std::string::npos) << after.out;
  EXPECT_EQ(count("SELECT count(*) FROM edge_keys"), 2);
}

}  // namespace
}  // namespace anpr::cli::testing
