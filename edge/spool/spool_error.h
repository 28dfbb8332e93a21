// The one exception type of the spool for I/O failures and unusable spool
// directories, so the daemon can tell "the disk is in trouble" apart from
// programming errors (std::invalid_argument, std::out_of_range). Messages name
// the file and the failing operation.
#pragma once

#include <stdexcept>

namespace anpr::spool {

class SpoolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::spool
