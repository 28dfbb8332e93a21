// Clock discipline from adjtimex(); see clock_sync.h.
#include "edge/daemon/clock_sync.h"

#include <sys/timex.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace anpr::daemon {

v1::ClockSync classify_clock(const KernelClock& kernel, bool synced_before) {
  v1::ClockSync sync;
  if (kernel.result < 0) {
    sync.set_state(v1::CLOCK_SYNC_STATE_UNSPECIFIED);
    return sync;
  }
  long bound = std::clamp<long>(kernel.max_error_us, 0, std::numeric_limits<std::uint32_t>::max());
  bool unsynced = (kernel.status & STA_UNSYNC) != 0 || kernel.result == TIME_ERROR;
  if (!unsynced) {
    sync.set_state(v1::CLOCK_SYNC_STATE_SYNCED);
    sync.set_error_bound_us(static_cast<std::uint32_t>(bound));
  } else if (synced_before) {
    // The kernel keeps adding its drift allowance to maxerror while no NTP
    // update arrives, so it is still an honest bound.
    sync.set_state(v1::CLOCK_SYNC_STATE_HOLDOVER);
    sync.set_error_bound_us(static_cast<std::uint32_t>(bound));
  } else {
    sync.set_state(v1::CLOCK_SYNC_STATE_UNSYNCED);
  }
  return sync;
}

KernelClock read_kernel_clock() {
  timex tx{};
  KernelClock kernel;
  kernel.result = ::adjtimex(&tx);
  kernel.status = tx.status;
  kernel.max_error_us = tx.maxerror;
  return kernel;
}

v1::ClockSync ClockWatch::now() {
  if (config_.source == ClockConfig::Source::kHost) {
    v1::ClockSync sync;
    sync.set_state(v1::CLOCK_SYNC_STATE_SYNCED);
    sync.set_error_bound_us(static_cast<std::uint32_t>(config_.assumed_error_us));
    return sync;
  }
  auto sync = classify_clock(read_kernel_clock(), synced_before_.load());
  if (sync.state() == v1::CLOCK_SYNC_STATE_SYNCED) synced_before_.store(true);
  return sync;
}

}  // namespace anpr::daemon
