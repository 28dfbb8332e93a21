// Polling with a deadline, for tests that wait on a capture thread: every
// wait in these tests is bounded, and the bound is the assertion.
#pragma once

#include <chrono>
#include <thread>

namespace anpr::testing {

// Polls `condition` every 10 ms until it holds (true) or `timeout` passes (false).
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace anpr::testing
