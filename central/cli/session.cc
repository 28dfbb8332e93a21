// Lazily opened database and the acting user; see session.h.
#include "central/cli/session.h"

#include "central/cli/cli_errors.h"

namespace anpr::cli {

Session::Session(std::optional<std::string> conninfo, std::optional<std::string> user, std::ostream& out_stream,
                 std::ostream& err_stream)
    : out(out_stream), err(err_stream), conninfo_(std::move(conninfo)), user_(std::move(user)) {}

pqxx::connection& Session::db() {
  if (!db_) {
    if (!conninfo_ || conninfo_->empty()) throw UsageError("no database: give --db CONNINFO or set ANPR_DB");
    db_ = std::make_unique<pqxx::connection>(*conninfo_);
  }
  return *db_;
}

const std::string& Session::user() const {
  if (!user_ || user_->empty()) throw UsageError("no user: give --user NAME or set USER");
  return *user_;
}

}  // namespace anpr::cli
