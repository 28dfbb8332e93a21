// A minimal HTTP responder for /metrics on 127.0.0.1: one thread, one
// connection at a time, each answered and closed. A scraper asks every few
// seconds, so nothing more is needed, and binding loopback only keeps the
// numbers (camera names, traffic levels) on the box; a site exposes them
// through its own collector or an SSH tunnel.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace anpr::daemon {

// The whole HTTP/1.0 response to `request` (its head, at least the request
// line): 200 with `metrics()` for GET /metrics, 404 for other paths, 405 for
// other methods, 400 for what is not a request line.
std::string http_response(std::string_view request, const std::function<std::string()>& metrics);

class MetricsServer {
 public:
  // Listens on 127.0.0.1:`port`; throws std::runtime_error naming the
  // address when it cannot.
  MetricsServer(int port, std::function<std::string()> metrics);
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  int port() const { return port_; }

 private:
  void run(std::stop_token stop);
  void serve(int connection);

  std::function<std::string()> metrics_;
  int listener_ = -1;
  int port_ = 0;
  std::jthread thread_;
};

}  // namespace anpr::daemon
