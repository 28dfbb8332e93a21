// The systemd notification protocol, which is one datagram on a unix socket
// (sd_notify(3)): "READY=1" once the daemon is up, "WATCHDOG=1" every half
// watchdog period while it is healthy, "RELOADING=1"/"STOPPING=1" around
// SIGHUP and SIGTERM. Written out here instead of linking libsystemd so the
// daemon has one dependency less on a camera box; outside systemd
// ($NOTIFY_SOCKET unset) every call does nothing.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace anpr::daemon {

// Sends `state` to $NOTIFY_SOCKET. False when the variable is unset or the
// datagram could not be sent (logged by the caller if it matters).
bool sd_notify(std::string_view state);

// How often to send WATCHDOG=1: half of $WATCHDOG_USEC, when that is set and
// $WATCHDOG_PID is unset or names this process. Pure form for tests below.
std::optional<std::chrono::microseconds> watchdog_interval();
std::optional<std::chrono::microseconds> watchdog_interval(const char* usec, const char* pid, pid_t self);

}  // namespace anpr::daemon
