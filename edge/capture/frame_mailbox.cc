// Newest-frame hand-over; see frame_mailbox.h.
#include "edge/capture/frame_mailbox.h"

#include <utility>

namespace anpr::capture {

void FrameMailbox::put(Frame frame) {
  std::optional<Frame> replaced;  // freed after unlocking: a 1080p frame is 6 MB
  {
    std::lock_guard lock(mutex_);
    if (slot_) {
      ++dropped_;
      replaced = std::move(slot_);
    }
    slot_ = std::move(frame);
  }
  ready_.notify_one();
}

std::optional<Frame> FrameMailbox::take(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  ready_.wait_until(lock, deadline, [&] { return closed_ || slot_.has_value(); });
  if (closed_ || !slot_) return std::nullopt;
  std::optional<Frame> frame = std::move(slot_);
  slot_.reset();
  return frame;
}

void FrameMailbox::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    slot_.reset();
  }
  ready_.notify_all();
}

std::uint64_t FrameMailbox::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace anpr::capture
