// sd_notify over $NOTIFY_SOCKET; see sd_notify.h.
#include "edge/daemon/sd_notify.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace anpr::daemon {

namespace {

std::optional<long long> parse_number(const char* text) {
  if (!text || !*text) return std::nullopt;
  long long value = 0;
  const char* end = text + std::strlen(text);
  auto [ptr, error] = std::from_chars(text, end, value);
  if (error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace

bool sd_notify(std::string_view state) {
  const char* path = std::getenv("NOTIFY_SOCKET");
  if (!path || !*path) return false;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::size_t length = std::strlen(path);
  if (length >= sizeof address.sun_path) return false;
  std::memcpy(address.sun_path, path, length);
  // A leading '@' names a socket in the abstract namespace, whose first byte is NUL.
  if (path[0] == '@') address.sun_path[0] = '\0';
  auto address_length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + length);

  int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  ssize_t sent = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&address),
                          address_length);
  ::close(fd);
  return sent == static_cast<ssize_t>(state.size());
}

std::optional<std::chrono::microseconds> watchdog_interval(const char* usec, const char* pid, pid_t self) {
  auto period = parse_number(usec);
  if (!period || *period <= 0) return std::nullopt;
  if (pid && *pid) {
    auto owner = parse_number(pid);
    if (!owner || *owner != self) return std::nullopt;
  }
  return std::chrono::microseconds(*period / 2);
}

std::optional<std::chrono::microseconds> watchdog_interval() {
  return watchdog_interval(std::getenv("WATCHDOG_USEC"), std::getenv("WATCHDOG_PID"), ::getpid());
}

}  // namespace anpr::daemon
