// Throwaway PostgreSQL for integration tests; see temp_postgres.h.
#include "tests/support/temp_postgres.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include <pqxx/pqxx>

namespace anpr::testing {

namespace {

std::string run_script(const std::string& args) {
  std::string command = std::string(ANPR_THROWAWAY_PG) + " " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string output;
  std::array<char, 512> buf;
  while (fgets(buf.data(), buf.size(), pipe.get())) output += buf.data();
  int status = pclose(pipe.release());
  if (status != 0) throw std::runtime_error("'" + command + "' failed:\n" + output);
  return output;
}

}  // namespace

TempPostgres::TempPostgres() {
  char pattern[] = "/tmp/anpr-test-pg-XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed for the test database");
  dir_ = pattern;
  std::string output = run_script("start " + dir_);
  // The connection string is the script's last line.
  while (!output.empty() && output.back() == '\n') output.pop_back();
  conninfo_ = output.substr(output.find_last_of('\n') + 1);
}

TempPostgres::~TempPostgres() {
  try {
    run_script("stop " + dir_);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "warning: stopping the test database: %s\n", e.what());
  }
}

std::string TempPostgres::fresh_database(const std::string& name) {
  std::string db = name + "_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  pqxx::connection admin(conninfo_);
  pqxx::nontransaction tx(admin);
  tx.exec0("CREATE DATABASE " + tx.quote_name(db));
  std::string out = conninfo_;
  out.replace(out.find("dbname=anpr"), std::string("dbname=anpr").size(), "dbname=" + db);
  return out;
}

void TempPostgres::restart() { run_script("restart " + dir_); }

TempPostgres& shared_postgres() {
  static TempPostgres server;
  return server;
}

}  // namespace anpr::testing
