// A real RTSP server (tests/support/rtsp-server) as a child process of the
// test, with the ways a camera goes wrong on a border road: losing power
// (kill) and hanging with its connections open (freeze). The server also
// exits when the test process dies, as its stdin is a pipe from here.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace anpr::testing {

class RtspServer {
 public:
  // Starts the server with `args` (e.g. {"--pattern", "--size", "640x360"})
  // and waits up to 30 s for it to print its URL. Throws std::runtime_error
  // when it does not.
  explicit RtspServer(const std::vector<std::string>& args);
  ~RtspServer();
  RtspServer(const RtspServer&) = delete;
  RtspServer& operator=(const RtspServer&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return port_; }

  // SIGKILL and reap: the camera lost power; its TCP connections close.
  void kill();
  // SIGSTOP / SIGCONT: the camera hangs; connections stay open, silent.
  void freeze();
  void thaw();

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::string url_;
  int port_ = 0;
};

// A TCP port on 127.0.0.1 with nothing listening on it (bound, then freed).
int unused_port();

}  // namespace anpr::testing
