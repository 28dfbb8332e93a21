// The wall clock in the protocol's unit (µs since the Unix epoch, UTC), for
// the times central stamps on what it sends and decides: sent_at_us,
// raised_at_us, the "now" capture times are judged against. One definition,
// so every stamp the daemon writes comes from the same clock the same way.
#pragma once

#include <chrono>
#include <cstdint>

namespace anpr::alerts {

inline int64_t wall_clock_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace anpr::alerts
