// The real anpr-edge binary as a child process of a test: started with a
// config file, its stderr (the log) in a file the test can search, stopped
// with a signal or killed outright. Never outlives the test: the destructor
// kills what is still running.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace anpr::testing {

class EdgeProcess {
 public:
  // Runs `ANPR_EDGE_PATH args...` with `env` added to the environment.
  EdgeProcess(const std::vector<std::string>& args, const std::string& log_path,
              const std::vector<std::string>& env = {});
  ~EdgeProcess();
  EdgeProcess(const EdgeProcess&) = delete;
  EdgeProcess& operator=(const EdgeProcess&) = delete;

  void signal(int signo);
  // SIGKILL and reap.
  void kill9();
  // The exit status (or 128 + signal), or nullopt while still running after `timeout`.
  std::optional<int> wait(std::chrono::milliseconds timeout);

  std::string log() const;
  bool logged(const std::string& text) const { return log().find(text) != std::string::npos; }

 private:
  pid_t pid_ = -1;
  std::string log_path_;
};

// The whole content of a text file ("" when it cannot be read).
std::string file_text(const std::string& path);

// Runs anpr-edge to completion (for --check-config and start-up failures),
// returning its exit status and putting its stderr in `output`.
int run_edge(const std::vector<std::string>& args, const std::string& log_path, std::string* output,
             std::chrono::milliseconds timeout);

}  // namespace anpr::testing
