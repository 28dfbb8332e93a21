// How long a camera waits before its next connection attempt: doubling from
// `initial` up to `max`, each delay shortened by a random part of up to
// `jitter` of itself. The jitter keeps the cameras of a site from hammering a
// recovering switch or NVR in lockstep after a shared outage; the cap keeps a
// camera that comes back from waiting longer than `max` to be noticed.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace anpr::capture {

struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{30'000};
  double jitter = 0.25;  // [0, 1): fraction of a delay that may be cut off at random
};

// Throws std::invalid_argument naming the bad field.
void validate(const BackoffPolicy& policy);

class Backoff {
 public:
  Backoff(BackoffPolicy policy, std::uint64_t seed);

  // The delay before the next attempt; each call counts one failed attempt.
  std::chrono::milliseconds next();

  // Back to `initial`, once a connection has proved itself.
  void reset() { failures_ = 0; }

  std::uint32_t failures() const { return failures_; }

 private:
  BackoffPolicy policy_;
  std::uint32_t failures_ = 0;
  std::mt19937_64 random_;
};

}  // namespace anpr::capture
