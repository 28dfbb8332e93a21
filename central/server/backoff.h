// Retry delays for the database link: starting short so a blip costs little,
// doubling up to a cap so an outage does not turn into a connection storm
// against a PostgreSQL that is trying to come back. Pure.
#pragma once

#include <chrono>

namespace anpr::central {

class Backoff {
 public:
  // Throws std::invalid_argument unless 0 < initial <= max.
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);

  // The delay before the next attempt: initial, then twice the previous, at most max.
  std::chrono::milliseconds next();

  // After a success: the next failure starts again from initial.
  void reset() { next_ = initial_; }

 private:
  std::chrono::milliseconds initial_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds next_;
};

}  // namespace anpr::central
