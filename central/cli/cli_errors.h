// The two ways an anpr-cli command fails, which decide its exit status: a
// command line that cannot be run as given (exit 2, with the usage line) and
// a command that ran but could not do its work (exit 1). Errors from the
// libraries underneath (pqxx, store, transport) count as the latter.
#pragma once

#include <stdexcept>

namespace anpr::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CommandError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::cli
