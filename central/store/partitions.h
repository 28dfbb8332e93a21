// Making sure the day partitions of sightings and sighting_evidence exist
// before a batch is written into them (PostgreSQL refuses a row that no
// partition takes). What is known to exist is remembered, so a batch costs
// a round trip here only on the first batch of each new UTC day.
//
// Partitions are created in a short transaction of their own, before the
// batch's: CREATE TABLE ... PARTITION OF locks the parent table, and holding
// that lock for a whole batch would stall readers, or deadlock two writers
// that both need a new day.
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <pqxx/connection_base>

namespace anpr::store {

// The UTC day (days since 1970-01-01) a capture time falls in.
int64_t capture_day(int64_t epoch_us);

// The date[] literal naming `days`, "{"2024-05-01","2024-05-02"}".
std::string date_array(std::span<const int64_t> days);

class PartitionCache {
 public:
  // Creates whichever day partitions for `times_us` are missing.
  void ensure(pqxx::connection_base& conn, std::span<const int64_t> times_us);

  // Drops what is remembered; the next ensure() asks the database again.
  // Called when a write fails, in case a partition was dropped meanwhile.
  void forget() { known_days_.clear(); }

 private:
  std::set<int64_t> known_days_;
};

}  // namespace anpr::store
