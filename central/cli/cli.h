// anpr-cli as a function: finds the subcommand a command line names, parses
// its options, runs it and turns the outcome into the exit status
// (0 done, 1 failed, 2 usage error). main() only supplies the process's
// arguments, environment and streams, so tests can run commands in-process.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace anpr::cli {

// What the command line falls back on: $ANPR_DB and $USER.
struct Environment {
  std::optional<std::string> database;
  std::optional<std::string> user;
};

// `args` without the program name.
int run_cli(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err);

}  // namespace anpr::cli
