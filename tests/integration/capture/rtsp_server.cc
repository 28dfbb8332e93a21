// Child-process control of the RTSP test server; see rtsp_server.h.
#include "tests/integration/capture/rtsp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace anpr::testing {

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("rtsp-server: " + what + ": " + std::strerror(errno));
}

// The first line the server prints, waiting at most `timeout`.
std::string read_line(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("rtsp-server: no URL within " + std::to_string(timeout.count()) + " ms");
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) fail("poll");
    if (ready == 0) continue;
    char c;
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("rtsp-server: exited before printing its URL (see its stderr above)");
    if (c == '\n') return line;
    line += c;
  }
}

}  // namespace

RtspServer::RtspServer(const std::vector<std::string>& args) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) fail("pipe");
  if (::pipe2(out, O_CLOEXEC) != 0) fail("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);

  std::vector<std::string> argv_strings{ANPR_RTSP_SERVER};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  argv_strings.insert(argv_strings.end(), {"--max-seconds", "300"});
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int rc = ::posix_spawn(&pid_, ANPR_RTSP_SERVER, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  stdin_fd_ = in[1];
  if (rc != 0) {
    ::close(out[0]);
    errno = rc;
    fail(std::string("spawn ") + ANPR_RTSP_SERVER);
  }
  try {
    url_ = read_line(out[0], std::chrono::seconds(30));
  } catch (...) {
    ::close(out[0]);
    kill();
    throw;
  }
  ::close(out[0]);
  auto colon = url_.rfind(':');
  port_ = std::stoi(url_.substr(colon + 1));
}

RtspServer::~RtspServer() {
  kill();
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
}

void RtspServer::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

void RtspServer::freeze() {
  if (pid_ > 0) ::kill(pid_, SIGSTOP);
}

void RtspServer::thaw() {
  if (pid_ > 0) ::kill(pid_, SIGCONT);
}

int unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    fail("bind 127.0.0.1:0");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace anpr::testing
