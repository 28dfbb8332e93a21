// The thread that keeps the running server in step with what operators
// change in the database, so that no change needs a restart: watchlist
// edits are polled every `watchlist_poll` (about a second; the repository's
// change cursor misses nothing, see central/watchlist/watchlist_repository.h)
// and applied to the in-memory index the alert pass matches against; the
// edge allow-list is re-read every `edge_keys_refresh` and handed to the ZAP
// handler when it changed. It has its own connection, so a slow poll never
// holds up a batch.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "central/server/central_config.h"
#include "central/server/database.h"
#include "central/watchlist/watchlist_index.h"
#include "central/watchlist/watchlist_repository.h"
#include "common/transport/zap_authenticator.h"

namespace anpr::central {

class Refresher {
 public:
  // Continues from `cursor` (taken before the index was loaded) and from the
  // allow-list `current` the authenticator holds now. `index` and `edges`
  // must outlive this.
  Refresher(const CentralConfig& config, watchlist::Index& index, transport::ZapAuthenticator& edges,
            watchlist::ChangeCursor cursor, transport::AllowList current,
            std::shared_ptr<spdlog::logger> logger = spdlog::default_logger());
  ~Refresher();
  Refresher(const Refresher&) = delete;
  Refresher& operator=(const Refresher&) = delete;

 private:
  using Clock = std::chrono::steady_clock;

  void run();
  void poll_watchlists(pqxx::connection& conn);
  void reload_edge_keys(pqxx::connection& conn);

  const std::chrono::milliseconds watchlist_poll_;
  const std::chrono::milliseconds edge_keys_refresh_;
  const std::vector<ListedKey> configured_keys_;
  watchlist::Index& index_;
  transport::ZapAuthenticator& edges_;
  watchlist::ChangeCursor cursor_;
  transport::AllowList allowed_;
  std::shared_ptr<spdlog::logger> logger_;
  Database database_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace anpr::central
