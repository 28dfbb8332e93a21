// Synchronous signal handling; see daemon_signals.h.
#include "edge/daemon/daemon_signals.h"

#include <pthread.h>
#include <signal.h>

#include <cerrno>

namespace anpr::daemon {

namespace {

sigset_t daemon_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void block_daemon_signals() {
  sigset_t set = daemon_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

std::optional<int> wait_for_signal(std::chrono::milliseconds timeout) {
  sigset_t set = daemon_signals();
  timespec wait{static_cast<time_t>(timeout.count() / 1000), static_cast<long>((timeout.count() % 1000) * 1'000'000)};
  int signal = ::sigtimedwait(&set, nullptr, &wait);
  if (signal < 0) return std::nullopt;  // EAGAIN: timed out; EINTR: another signal
  return signal;
}

}  // namespace anpr::daemon
