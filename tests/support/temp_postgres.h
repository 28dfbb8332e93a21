// A real, throwaway PostgreSQL server for integration tests (no database mocks).
// The server is started once per test binary, on first use, by the
// tests/support/throwaway-pg script, and stopped when the binary exits; each
// test asks for a fresh database of its own so tests never see each other's rows.
#pragma once

#include <string>

namespace anpr::testing {

class TempPostgres {
 public:
  TempPostgres();
  ~TempPostgres();
  TempPostgres(const TempPostgres&) = delete;
  TempPostgres& operator=(const TempPostgres&) = delete;

  // Connection string of the server's default database.
  const std::string& conninfo() const { return conninfo_; }

  // Creates an empty database and returns its connection string. `name` is
  // made unique, so repeated calls with one name are fine.
  std::string fresh_database(const std::string& name);

  // Stops the server and starts it again on the same data and port, as a
  // crash-and-restart of the database would look to a client.
  void restart();

 private:
  std::string dir_;
  std::string conninfo_;
  int databases_ = 0;
};

// The binary's shared server, started on first call.
TempPostgres& shared_postgres();

}  // namespace anpr::testing
