// The one exception type of the transport layer. Key files, socket options and
// endpoints all fail with it, and its message names the file, endpoint or
// setting at fault, so a daemon can log what() and an operator can act on it.
#pragma once

#include <stdexcept>

namespace anpr::transport {

class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::transport
