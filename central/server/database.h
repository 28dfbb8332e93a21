// One PostgreSQL connection of the daemon that comes back by itself. Each
// thread that talks to the database owns one of these. While the database is
// unreachable, connection() answers nullptr without blocking until the next
// attempt is due (backoff.h), and the outage is logged once when it starts
// and once when it ends, never per attempt.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

#include <pqxx/connection>
#include <spdlog/spdlog.h>

#include "central/server/backoff.h"

namespace anpr::central {

class Database {
 public:
  using Clock = std::chrono::steady_clock;

  // `role` names the connection in log lines ("writer", "refresher").
  Database(std::string conninfo, std::string role, Backoff backoff,
           std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());

  // The open connection, connecting first when needed and due; nullptr while
  // the database cannot be reached.
  pqxx::connection* connection();

  // Work on the connection failed: drop it (the next connection() opens a
  // fresh one) and log the outage if it is news.
  void failed(const std::exception& error);

  // When connection() will try again; now or earlier when it would try at once.
  Clock::time_point retry_at() const { return retry_at_; }

  bool up() const { return up_; }

  // Changes whenever a new connection is opened, so that objects bound to
  // the previous one (prepared state, temp tables) can be made again.
  std::uint64_t generation() const { return generation_; }

 private:
  void went_down(const std::exception& error);

  std::string conninfo_;
  std::string role_;
  Backoff backoff_;
  std::shared_ptr<spdlog::logger> logger_;
  std::unique_ptr<pqxx::connection> conn_;
  Clock::time_point retry_at_{};
  std::uint64_t generation_ = 0;
  bool up_ = false;
  bool ever_up_ = false;
  bool outage_logged_ = false;
};

}  // namespace anpr::central
