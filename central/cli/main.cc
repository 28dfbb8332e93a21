// anpr-cli: the command-line tool of investigators, dispatchers and
// operators at the central (watchlists, plate history, alerts, edge keys,
// audit log). Everything but the process boundary is in cli.h.
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "central/cli/cli.h"

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return anpr::cli::run_cli(args, {env("ANPR_DB"), env("USER")}, std::cout, std::cerr);
}
