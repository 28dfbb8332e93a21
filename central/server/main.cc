// anpr-central: the central server daemon (see docs/central.md).
//
//   anpr-central --config central.yaml [run]      serve until SIGTERM/SIGINT
//   anpr-central --config central.yaml migrate    bring the schema up to date, exit
//   anpr-central --config central.yaml --check-config
//
// Exit status: 0 done (a stop by signal included), 1 failure while running,
// 2 bad command line or configuration (the message names the key).
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <thread>

#include <pqxx/connection>
#include <spdlog/spdlog.h>

#include "central/server/central_config.h"
#include "central/server/central_server.h"
#include "central/server/prepare_database.h"
#include "common/config/config.h"
#include "common/log/log.h"
#include "common/transport/key_files.h"
#include "common/transport/transport_error.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// SIGTERM and SIGINT are blocked in every thread and taken by one that only
// waits for them: a handler would interrupt whichever thread it lands on,
// and a ZeroMQ poll interrupted that way throws instead of retrying.
std::atomic<bool> g_stop{false};

void stop_on_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([signals] {
    while (true) {
      int signal = 0;
      if (sigwait(&signals, &signal) != 0) continue;
      spdlog::info("central_stop_requested signal={}", strsignal(signal));
      g_stop.store(true);
    }
  }).detach();
}

int usage(const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "anpr-central: %s\n", problem);
  std::fprintf(stderr,
               "usage: anpr-central --config FILE [run|migrate]\n"
               "       anpr-central --config FILE --check-config\n");
  return kExitUsage;
}

struct Command {
  std::string config;
  std::string action = "run";  // run | migrate | check-config
};

std::optional<Command> parse(int argc, char** argv) {
  Command command;
  bool action_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      command.config = argv[++i];
    } else if (arg.rfind("--config=", 0) == 0) {
      command.config = arg.substr(9);
    } else if ((arg == "run" || arg == "migrate" || arg == "--check-config") && !action_given) {
      command.action = arg == "--check-config" ? "check-config" : arg;
      action_given = true;
    } else {
      return std::nullopt;
    }
  }
  if (command.config.empty()) return std::nullopt;
  return command;
}

// The key files must be readable and well-formed before anything starts.
void check_key_files(const anpr::central::CentralConfig& config) {
  anpr::transport::load_key_pair(config.secret_key_file);
  if (config.alert_secret_key_file != config.secret_key_file) anpr::transport::load_key_pair(config.alert_secret_key_file);
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Command> command = parse(argc, argv);
  if (!command) return usage(argc > 1 ? "unexpected or missing arguments" : nullptr);

  anpr::central::CentralConfig config;
  try {
    config = anpr::central::load_central_config(command->config);
    anpr::log::setup("anpr-central", config.log);
    check_key_files(config);
  } catch (const anpr::config::ConfigError& e) {
    std::fprintf(stderr, "anpr-central: %s\n", e.what());
    return kExitUsage;
  } catch (const anpr::transport::TransportError& e) {
    std::fprintf(stderr, "anpr-central: %s: %s\n", command->config.c_str(), e.what());
    return kExitUsage;
  }
  if (command->action == "check-config") {
    std::printf("%s: configuration is valid\n", command->config.c_str());
    return 0;
  }

  try {
    if (command->action == "migrate") {
      pqxx::connection conn(config.conninfo);
      anpr::central::migrate_schema(conn, *spdlog::default_logger());
      return 0;
    }
    stop_on_signals();
    anpr::central::CentralServer server(config);
    server.run(g_stop);
    return 0;
  } catch (const std::exception& e) {
    spdlog::critical("central_failed error=\"{}\"", e.what());
    return kExitFailure;
  }
}
