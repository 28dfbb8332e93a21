// Doubling retry delays; see backoff.h.
#include "central/server/backoff.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace anpr::central {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
    : initial_(initial), max_(max), next_(initial) {
  if (initial.count() <= 0 || max < initial) {
    throw std::invalid_argument("backoff from " + std::to_string(initial.count()) + " ms to " +
                                std::to_string(max.count()) + " ms: need 0 < initial <= max");
  }
}

std::chrono::milliseconds Backoff::next() {
  std::chrono::milliseconds delay = next_;
  next_ = std::min(max_, next_ * 2);
  return delay;
}

}  // namespace anpr::central
