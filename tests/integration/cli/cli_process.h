// Running the built anpr-cli binary as an operator would: a child process
// with its own argument vector (no shell, so hostile-looking arguments reach
// it byte for byte), stdout and stderr captured in files, and its exit
// status. A running child can be interrupted like Ctrl-C.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace anpr::cli::testing {

struct CliResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// `env` entries replace or add to the test's environment; an empty value
// removes the variable.
class CliProcess {
 public:
  CliProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});
  ~CliProcess();
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;

  // What the child has written to stdout so far.
  std::string output_so_far() const;
  void signal(int signo);
  // Waits up to `timeout` for the child to exit; kills it after that (the
  // result then has exit_code -1).
  CliResult wait(std::chrono::milliseconds timeout);

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
};

// Runs to completion (at most 60 s).
CliResult run_cli_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

}  // namespace anpr::cli::testing
