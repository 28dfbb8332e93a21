// What the anpr-cli integration tests share: a freshly migrated database on
// the throwaway PostgreSQL server, the built binary run against it as a
// named user, direct SQL to check what a command really stored, and a
// scratch directory for CSV and key files.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <pqxx/connection>

#include "tests/integration/cli/cli_process.h"

namespace anpr::cli::testing {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Points the test at another freshly migrated database.
  void use_new_database();

  // anpr-cli ARGS --db <this test's database> --user USER.
  CliResult cli(std::vector<std::string> args, const std::string& user = "alice");

  // The first column of the first row, "" for NULL or no row.
  std::string scalar(const std::string& sql);
  int64_t count(const std::string& sql) { return std::stoll(scalar(sql)); }

  // A path in this test's scratch directory.
  std::string scratch(const std::string& name) const { return (scratch_ / name).string(); }
  void write_file(const std::string& name, const std::string& text) const;

  std::string conninfo_;
  std::unique_ptr<pqxx::connection> conn_;

 private:
  std::filesystem::path scratch_;
};

}  // namespace anpr::cli::testing
