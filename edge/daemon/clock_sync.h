// How far the box trusts its own clock, for the ClockSync of sightings and
// heartbeats. Central correlates capture times from boxes hundreds of
// kilometres apart, so it must know which ones are disciplined. The kernel
// knows without asking any daemon: adjtimex() reports whether NTP (chrony,
// systemd-timesyncd, ntpd) currently disciplines the clock (STA_UNSYNC clear)
// and its maximum error, which the kernel grows by itself while the source is
// gone. No timedatectl, no D-Bus, works the same under every NTP client.
#pragma once

#include <atomic>

#include "anpr/v1/clock.pb.h"

namespace anpr::daemon {

// What adjtimex() returned: its result (TIME_OK, TIME_ERROR..., or -1 when
// the call failed), the status flags and maxerror in microseconds.
struct KernelClock {
  int result = -1;
  int status = 0;
  long max_error_us = 0;
};

// Pure classification: SYNCED while disciplined; HOLDOVER when unsynced but
// synced earlier in this process; UNSYNCED when never seen synced;
// UNSPECIFIED when the kernel could not be asked.
v1::ClockSync classify_clock(const KernelClock& kernel, bool synced_before);

KernelClock read_kernel_clock();

// Where the box learns whether its clock is disciplined. kKernel asks
// adjtimex(). kHost is for a box whose clock is disciplined outside the view
// of its own kernel interface, as in a container on an NTP-synced host,
// where adjtimex() reports unsynced although the time is right: the clock is
// reported SYNCED with the configured error bound. Never use it on a box
// whose clock nobody disciplines: central would correlate wrong times.
struct ClockConfig {
  enum class Source { kKernel, kHost };
  Source source = Source::kKernel;
  long assumed_error_us = 100'000;
};

// Remembers whether the clock was ever seen synced, to tell HOLDOVER from
// UNSYNCED. Thread-safe.
class ClockWatch {
 public:
  explicit ClockWatch(ClockConfig config = {}) : config_(config) {}
  v1::ClockSync now();

 private:
  ClockConfig config_;
  std::atomic<bool> synced_before_{false};
};

}  // namespace anpr::daemon
