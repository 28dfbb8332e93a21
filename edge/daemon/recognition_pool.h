// The workers that run recognition for every camera of the box. Each worker
// thread owns its Engine, because Tesseract keeps per-instance state and is
// not thread-safe; the pool size (recognition.workers) is how many cores
// the box gives to reading plates. The queue holds at most one job per
// worker: a camera whose frame finds no free worker drops that frame rather
// than queueing it, so recognition always works on recent frames and memory
// stays flat however far behind the box is.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "edge/engine/engine.h"

namespace anpr::daemon {

class RecognitionPool {
 public:
  using Job = std::function<void(engine::Engine&)>;

  // Starts `workers` threads and waits until each has loaded its engine;
  // throws engine::EngineError (e.g. missing Tesseract data) if one cannot.
  RecognitionPool(std::size_t workers, const engine::EngineOptions& options);
  ~RecognitionPool();
  RecognitionPool(const RecognitionPool&) = delete;
  RecognitionPool& operator=(const RecognitionPool&) = delete;

  // Queues `job` once there is room, waiting up to `wait`; false when there
  // was none in time or the pool is stopping. A job must not throw.
  bool submit(Job job, std::chrono::milliseconds wait);

  // Runs what is queued, then ends the workers. Idempotent.
  void stop();

  std::size_t workers() const { return threads_.size(); }

 private:
  void work(engine::Engine& engine);

  std::mutex mutex_;
  std::condition_variable queued_;  // a job arrived, or stopping
  std::condition_variable room_;    // a job was taken
  std::deque<Job> jobs_;
  std::size_t capacity_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace anpr::daemon
