// The /metrics HTTP responder; see metrics_server.h.
#include "edge/daemon/metrics_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace anpr::daemon {

namespace {

// A request head larger than this is not a scraper's.
constexpr std::size_t kMaxRequest = 8192;
// A client that sends nothing, or reads nothing, for this long is dropped so
// that it cannot hold the only thread.
constexpr int kClientTimeoutMs = 2000;

std::string response(const char* status, const char* type, const std::string& body) {
  return std::string("HTTP/1.0 ") + status + "\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

std::string http_response(std::string_view request, const std::function<std::string()>& metrics) {
  auto line_end = request.find("\r\n");
  std::string_view line = request.substr(0, line_end);
  auto first = line.find(' ');
  auto second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.substr(second + 1).rfind("HTTP/", 0) != 0) {
    return response("400 Bad Request", "text/plain", "bad request\n");
  }
  auto method = line.substr(0, first);
  auto target = line.substr(first + 1, second - first - 1);
  target = target.substr(0, target.find('?'));
  if (method != "GET") return response("405 Method Not Allowed", "text/plain", "only GET\n");
  if (target != "/metrics") return response("404 Not Found", "text/plain", "try /metrics\n");
  return response("200 OK", "text/plain; version=0.0.4; charset=utf-8", metrics());
}

MetricsServer::MetricsServer(int port, std::function<std::string()> metrics) : metrics_(std::move(metrics)) {
  const std::string address = "127.0.0.1:" + std::to_string(port);
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) throw std::runtime_error("metrics " + address + ": socket: " + std::strerror(errno));
  int yes = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = htons(static_cast<std::uint16_t>(port));
  socklen_t length = sizeof sa;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || ::listen(listener_, 8) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&sa), &length) != 0) {
    int error = errno;
    ::close(listener_);
    throw std::runtime_error("metrics " + address + ": cannot listen: " + std::strerror(error));
  }
  port_ = ntohs(sa.sin_port);
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

MetricsServer::~MetricsServer() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
  ::close(listener_);
}

void MetricsServer::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    pollfd p{listener_, POLLIN, 0};
    // Short enough that stopping the daemon is not held up noticeably.
    if (::poll(&p, 1, 200) <= 0) continue;
    int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    serve(connection);
    ::close(connection);
  }
}

void MetricsServer::serve(int connection) {
  timeval timeout{kClientTimeoutMs / 1000, (kClientTimeoutMs % 1000) * 1000};
  ::setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  std::string request;
  char buffer[1024];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < kMaxRequest) {
    ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    request.append(buffer, static_cast<std::size_t>(n));
  }
  std::string reply;
  try {
    reply = http_response(request, metrics_);
  } catch (const std::exception& error) {
    spdlog::error("metrics_render_failed error=\"{}\"", error.what());
    reply = "HTTP/1.0 500 Internal Server Error\r\nConnection: close\r\n\r\n";
  }
  std::size_t done = 0;
  while (done < reply.size()) {
    ssize_t n = ::send(connection, reply.data() + done, reply.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace anpr::daemon
