// What every command runs with: where to write, which database, and who is
// acting. The database connection is opened on first use, so commands that
// need none (alerts --follow, usage errors) work without a database, and a
// command line is checked completely before anything is connected to.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <pqxx/connection>

namespace anpr::cli {

class Session {
 public:
  // `conninfo` and `user` as given by --db / ANPR_DB and --user / $USER;
  // either may be missing until a command needs it.
  Session(std::optional<std::string> conninfo, std::optional<std::string> user, std::ostream& out,
          std::ostream& err);

  // Throws UsageError when no database was named; pqxx's broken_connection
  // when it cannot be reached.
  pqxx::connection& db();

  // The acting user, recorded with every change and search. Throws
  // UsageError when there is none.
  const std::string& user() const;

  std::ostream& out;
  std::ostream& err;

 private:
  std::optional<std::string> conninfo_;
  std::optional<std::string> user_;
  std::unique_ptr<pqxx::connection> db_;
};

}  // namespace anpr::cli
