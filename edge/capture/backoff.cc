// Capped exponential backoff with jitter; see backoff.h.
#include "edge/capture/backoff.h"

#include <algorithm>
#include <stdexcept>

namespace anpr::capture {

void validate(const BackoffPolicy& policy) {
  if (policy.initial.count() <= 0) throw std::invalid_argument("backoff initial delay must be positive");
  if (policy.max < policy.initial) throw std::invalid_argument("backoff max delay must be at least the initial delay");
  if (!(policy.jitter >= 0.0 && policy.jitter < 1.0)) throw std::invalid_argument("backoff jitter must be in [0, 1)");
}

Backoff::Backoff(BackoffPolicy policy, std::uint64_t seed) : policy_(policy), random_(seed) { validate(policy_); }

std::chrono::milliseconds Backoff::next() {
  // Doubling stops at the cap; counting on past it would overflow the shift.
  double nominal = static_cast<double>(policy_.initial.count());
  for (std::uint32_t i = 0; i < failures_ && nominal < static_cast<double>(policy_.max.count()); ++i) nominal *= 2.0;
  nominal = std::min(nominal, static_cast<double>(policy_.max.count()));
  ++failures_;
  double cut = policy_.jitter > 0.0 ? std::uniform_real_distribution<double>(0.0, policy_.jitter)(random_) : 0.0;
  return std::chrono::milliseconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(nominal * (1.0 - cut))));
}

}  // namespace anpr::capture
