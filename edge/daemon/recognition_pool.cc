// Recognition workers; see recognition_pool.h.
#include "edge/daemon/recognition_pool.h"

#include <exception>
#include <future>
#include <optional>

namespace anpr::daemon {

RecognitionPool::RecognitionPool(std::size_t workers, const engine::EngineOptions& options) : capacity_(workers) {
  std::vector<std::future<void>> loaded;
  for (std::size_t i = 0; i < workers; ++i) {
    std::promise<void> ready;
    loaded.push_back(ready.get_future());
    threads_.emplace_back([this, options, ready = std::move(ready)]() mutable {
      std::optional<engine::Engine> engine;
      try {
        engine.emplace(options);
      } catch (...) {
        ready.set_exception(std::current_exception());
        return;
      }
      ready.set_value();
      work(*engine);
    });
  }
  std::exception_ptr failure;
  for (auto& f : loaded) {
    try {
      f.get();
    } catch (...) {
      failure = std::current_exception();
    }
  }
  if (failure) {
    stop();
    std::rethrow_exception(failure);
  }
}

RecognitionPool::~RecognitionPool() { stop(); }

bool RecognitionPool::submit(Job job, std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!room_.wait_for(lock, wait, [&] { return stopping_ || jobs_.size() < capacity_; }) || stopping_) return false;
  jobs_.push_back(std::move(job));
  queued_.notify_one();
  return true;
}

void RecognitionPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_all();
  room_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void RecognitionPool::work(engine::Engine& engine) {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    room_.notify_one();
    job(engine);
  }
}

}  // namespace anpr::daemon
