// The self-healing database connection; see database.h.
#include "central/server/database.h"

#include "central/server/db_errors.h"

namespace anpr::central {

Database::Database(std::string conninfo, std::string role, Backoff backoff, std::shared_ptr<spdlog::logger> logger)
    : conninfo_(std::move(conninfo)), role_(std::move(role)), backoff_(backoff), logger_(std::move(logger)) {}

pqxx::connection* Database::connection() {
  if (conn_ && conn_->is_open()) return conn_.get();
  conn_.reset();
  if (Clock::now() < retry_at_) return nullptr;
  try {
    conn_ = std::make_unique<pqxx::connection>(conninfo_);
  } catch (const std::exception& e) {
    went_down(e);
    retry_at_ = Clock::now() + backoff_.next();
    return nullptr;
  }
  backoff_.reset();
  ++generation_;
  if (outage_logged_) {
    logger_->info("database_available role={}", role_);
  } else if (!ever_up_) {
    logger_->info("database_connected role={} server_version={}", role_, conn_->server_version());
  }
  up_ = ever_up_ = true;
  outage_logged_ = false;
  return conn_.get();
}

void Database::failed(const std::exception& error) {
  conn_.reset();
  went_down(error);
}

void Database::went_down(const std::exception& error) {
  up_ = false;
  if (outage_logged_) return;
  outage_logged_ = true;
  logger_->warn("database_unavailable role={} error=\"{}\" effect=\"retrying with backoff\"", role_,
                error_text(error));
}

}  // namespace anpr::central
