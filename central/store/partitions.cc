// Day partitions; see partitions.h. The DDL itself is the SQL function
// ensure_sighting_partitions (migration 0001), so that naming and bounds
// live next to the table definitions and one call covers any number of days.
#include "central/store/partitions.h"

#include <chrono>

#include <pqxx/transaction>
#include <spdlog/spdlog.h>

#include "central/store/pg_text.h"

namespace anpr::store {

int64_t capture_day(int64_t epoch_us) {
  using namespace std::chrono;
  return floor<days>(sys_time<microseconds>{microseconds{epoch_us}}).time_since_epoch().count();
}

std::string date_array(std::span<const int64_t> days) {
  std::vector<std::string> dates;
  dates.reserve(days.size());
  for (int64_t day : days) dates.push_back(timestamptz_text(day * 86'400'000'000LL).substr(0, 10));
  return text_array(dates);
}

void PartitionCache::ensure(pqxx::connection_base& conn, std::span<const int64_t> times_us) {
  std::set<int64_t> missing;
  for (int64_t t : times_us) {
    int64_t day = capture_day(t);
    if (!known_days_.contains(day)) missing.insert(day);
  }
  if (missing.empty()) return;

  std::vector<int64_t> days(missing.begin(), missing.end());
  pqxx::work tx(conn, "ensure_partitions");
  int created = tx.exec_params1("SELECT ensure_sighting_partitions($1::date[])", date_array(days))[0].as<int>();
  tx.commit();
  known_days_.insert(days.begin(), days.end());
  if (created > 0) spdlog::info("partitions_created count={} requested={}", created, date_array(days));
}

}  // namespace anpr::store
