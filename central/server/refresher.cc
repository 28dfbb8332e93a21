// Following watchlist and edge-key changes; see refresher.h.
#include "central/server/refresher.h"

#include <algorithm>

#include "central/server/db_errors.h"
#include "central/server/edge_keys.h"
#include "central/server/watchlist_sync.h"

namespace anpr::central {

Refresher::Refresher(const CentralConfig& config, watchlist::Index& index, transport::ZapAuthenticator& edges,
                     watchlist::ChangeCursor cursor, transport::AllowList current,
                     std::shared_ptr<spdlog::logger> logger)
    : watchlist_poll_(config.watchlist_poll),
      edge_keys_refresh_(config.edge_keys_refresh),
      configured_keys_(config.edge_keys),
      index_(index),
      edges_(edges),
      cursor_(std::move(cursor)),
      allowed_(std::move(current)),
      logger_(std::move(logger)),
      database_(config.conninfo, "refresher", Backoff(config.reconnect_min, config.reconnect_max), logger_) {
  thread_ = std::thread([this] { run(); });
}

Refresher::~Refresher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Refresher::run() {
  Clock::time_point next_watchlists = Clock::now() + watchlist_poll_;
  Clock::time_point next_keys = Clock::now() + edge_keys_refresh_;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      Clock::time_point until = std::min(next_watchlists, next_keys);
      if (!database_.up()) until = std::max(until, database_.retry_at());
      if (wake_.wait_until(lock, until, [this] { return stopping_; })) return;
    }
    pqxx::connection* conn = database_.connection();
    if (conn == nullptr) continue;
    try {
      const Clock::time_point now = Clock::now();
      if (now >= next_watchlists) {
        poll_watchlists(*conn);
        next_watchlists = now + watchlist_poll_;
      }
      if (now >= next_keys) {
        reload_edge_keys(*conn);
        next_keys = now + edge_keys_refresh_;
      }
    } catch (const std::exception& e) {
      if (is_transient(e)) {
        database_.failed(e);
        continue;
      }
      logger_->error("refresh_failed error=\"{}\"", error_text(e));
      next_watchlists = next_keys = Clock::now() + std::max(watchlist_poll_, edge_keys_refresh_);
    }
  }
}

void Refresher::poll_watchlists(pqxx::connection& conn) {
  watchlist::WatchlistChanges changes = watchlist::poll_changes(conn, cursor_);
  cursor_ = changes.next;
  if (changes.upserted.empty() && changes.removed.empty()) return;
  std::size_t upserted = apply_watchlist_changes(index_, changes, *logger_);
  logger_->info("watchlist_changes upserted={} removed={} entries={}", upserted, changes.removed.size(),
                index_.size());
}

void Refresher::reload_edge_keys(pqxx::connection& conn) {
  transport::AllowList fresh = merge_allow_list(configured_keys_, enrolled_edge_keys(conn));
  if (fresh == allowed_) return;
  edges_.replace_allow_list(fresh);
  allowed_ = std::move(fresh);
}

}  // namespace anpr::central
