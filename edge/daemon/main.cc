// anpr-edge: the camera-box daemon. Reads plates from the configured
// cameras and delivers one sighting per vehicle to central; see
// docs/edge.md for running it and deploy/edge.example.yaml for every key.
//
//   anpr-edge --config edge.yaml [--check-config]
//   anpr-edge --version
//
// Exit status: 0 after an orderly stop (or a good --check-config), 1 when
// the daemon cannot start or fails, 2 for a usage or configuration error.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include <spdlog/spdlog.h>

#include "common/config/config.h"
#include "common/log/log.h"
#include "edge/daemon/daemon_signals.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/edge_daemon.h"
#include "edge/daemon/version.h"

namespace {

constexpr char kUsage[] =
    "usage: anpr-edge --config FILE [--check-config]\n"
    "       anpr-edge --version\n"
    "  --check-config  validate FILE (every key, camera URLs, ranges) and exit\n";

int usage_error(const std::string& problem) {
  std::fprintf(stderr, "anpr-edge: %s\n%s", problem.c_str(), kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string config_path;
  bool check_only = false;
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strcmp(arg, "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else if (std::strcmp(arg, "--check-config") == 0) {
      check_only = true;
    } else if (std::strcmp(arg, "--version") == 0) {
      std::printf("anpr-edge %s (%s)\n", anpr::daemon::software_version(),
                  anpr::daemon::engine_version("eng").c_str());
      return 0;
    } else if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    } else {
      return usage_error(std::string("unexpected argument '") + arg + "'");
    }
  }
  if (config_path.empty()) return usage_error("--config FILE is required");

  // Before any thread exists, so that every thread inherits the mask.
  anpr::daemon::block_daemon_signals();

  anpr::daemon::EdgeConfig config;
  try {
    config = anpr::daemon::load_edge_config(config_path);
  } catch (const anpr::config::ConfigError& error) {
    std::fprintf(stderr, "anpr-edge: configuration error: %s\n", error.what());
    return 2;
  }
  if (check_only) {
    std::printf("%s: OK (%zu cameras)\n", config_path.c_str(), config.cameras.size());
    return 0;
  }

  anpr::log::setup("anpr-edge", config.log);
  try {
    anpr::daemon::EdgeDaemon daemon(std::move(config));
    return daemon.run();
  } catch (const std::exception& error) {
    spdlog::critical("edge_failed error=\"{}\"", error.what());
    return 1;
  }
}
