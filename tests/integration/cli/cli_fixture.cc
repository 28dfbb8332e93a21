// Shared set-up of the anpr-cli integration tests; see cli_fixture.h.
#include "tests/integration/cli/cli_fixture.h"

#include <stdlib.h>

#include <fstream>

#include <pqxx/nontransaction>

#include "tests/integration/store/store_fixture.h"

namespace anpr::cli::testing {

void CliTest::SetUp() {
  use_new_database();
  std::string pattern = (std::filesystem::temp_directory_path() / "anpr-cli-test-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  scratch_ = pattern;
}

void CliTest::use_new_database() {
  conninfo_ = store::testing::migrated_database("cli");
  conn_ = std::make_unique<pqxx::connection>(conninfo_);
}

void CliTest::TearDown() {
  std::error_code ignored;
  std::filesystem::remove_all(scratch_, ignored);
}

CliResult CliTest::cli(std::vector<std::string> args, const std::string& user) {
  args.insert(args.end(), {"--db", conninfo_, "--user", user});
  return run_cli_binary(args);
}

std::string CliTest::scalar(const std::string& sql) {
  pqxx::nontransaction tx(*conn_);
  const pqxx::result r = tx.exec(sql);
  if (r.empty() || r[0][0].is_null()) return "";
  return r[0][0].as<std::string>();
}

void CliTest::write_file(const std::string& name, const std::string& text) const {
  std::ofstream out(scratch_ / name, std::ios::binary);
  out << text;
}

}  // namespace anpr::cli::testing
