// SIGTERM, SIGINT and SIGHUP handled synchronously: blocked in every thread
// (the mask is inherited, so it is set before the first thread starts) and
// taken by the main loop with sigtimedwait(). No handler runs at an
// arbitrary point, so stopping and reloading are ordinary code with locks
// and logging, and the main loop's timeout doubles as the watchdog tick.
#pragma once

#include <chrono>
#include <optional>

namespace anpr::daemon {

// Blocks the three signals in the calling thread; call before starting any.
void block_daemon_signals();

// The next of the three signals, waiting up to `timeout`; nullopt when none came.
std::optional<int> wait_for_signal(std::chrono::milliseconds timeout);

}  // namespace anpr::daemon
