// Puts a camera's frames back in order after recognition. Workers of the
// pool finish frames in any order (a frame with three plates takes longer
// than an empty one), but the tracker must see a camera's frames in capture
// order. Each frame gets a sequence number when it is dispatched; outcomes
// wait here until every earlier number has come back.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace anpr::daemon {

template <typename T>
class FrameSequencer {
 public:
  // Stores the outcome for `seq`. Every number from 0 up must be put exactly
  // once; a number put twice or already released is a programming error.
  void put(std::uint64_t seq, T item) {
    if (seq < next_ || !pending_.emplace(seq, std::move(item)).second) {
      throw std::logic_error("frame sequence number " + std::to_string(seq) + " put twice");
    }
  }

  // The outcomes that are now in order, oldest first; later ones stay.
  std::vector<T> take_ready() {
    std::vector<T> ready;
    for (auto it = pending_.begin(); it != pending_.end() && it->first == next_; it = pending_.erase(it)) {
      ready.push_back(std::move(it->second));
      ++next_;
    }
    return ready;
  }

  // Outcomes held back by a missing earlier one.
  std::size_t waiting() const { return pending_.size(); }

 private:
  std::map<std::uint64_t, T> pending_;
  std::uint64_t next_ = 0;
};

}  // namespace anpr::daemon
