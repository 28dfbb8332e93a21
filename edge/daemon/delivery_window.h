// The sender's bookkeeping, apart from sockets and the spool so that every
// rule of docs/protocol.md "Delivery guarantees" is testable on its own: at
// most `capacity` sightings in flight (after an outage the backlog goes out
// a window at a time, not as a flood), acks in any order, rejects matched by
// event id or by the message id they were sent under, and an ack timeout
// that sends the whole window again and doubles while nothing is acked.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "anpr/v1/delivery.pb.h"

namespace anpr::daemon {

struct PendingSighting {
  std::uint64_t seq = 0;     // in the spool
  std::string event_id;      // 16 bytes
  std::string payload;       // the serialized Sighting as spooled
  std::uint64_t message_id = 0;  // of the latest send; 0 until sent
  std::optional<std::chrono::steady_clock::time_point> sent_at;
};

// Whether a Reject is final for the sightings it names. Only
// UNSUPPORTED_VERSION (central will refuse everything until one side is
// upgraded) and an unspecified reason leave them in the spool.
bool is_permanent(v1::RejectReason reason);

class DeliveryWindow {
 public:
  using Clock = std::chrono::steady_clock;

  // Throws std::invalid_argument for a zero capacity or a timeout that is
  // not positive or above its maximum.
  DeliveryWindow(std::size_t capacity, std::chrono::milliseconds ack_timeout,
                 std::chrono::milliseconds ack_timeout_max);

  std::size_t size() const { return pending_.size(); }
  std::size_t room() const { return capacity_ - pending_.size(); }
  std::size_t in_flight() const;

  // Takes a sighting read from the spool; the caller keeps within room().
  void add(PendingSighting sighting);

  // The oldest sighting not sent since it entered the window, or nullptr.
  const PendingSighting* next_unsent() const;

  void mark_sent(std::uint64_t seq, std::uint64_t message_id, Clock::time_point now);

  // Removes the sightings `ack` names and returns their spool sequence
  // numbers; `unknown` gets how many ids were not in the window (a late or
  // duplicate ack). Any ack also ends the timeout backoff.
  std::vector<std::uint64_t> acked(const v1::Ack& ack, std::size_t* unknown);

  // Removes and returns the sightings `reject` names: by event id when it
  // lists any, else by the message id they were last sent under.
  std::vector<PendingSighting> rejected(const v1::Reject& reject);

  // Whether a sent sighting has waited longer than the current ack timeout.
  bool expired(Clock::time_point now) const;

  // Empties the window so everything is read from the spool and sent again,
  // and doubles the ack timeout up to its maximum.
  void clear_for_resend();

  std::chrono::milliseconds ack_timeout() const { return timeout_; }

 private:
  const std::size_t capacity_;
  const std::chrono::milliseconds base_timeout_;
  const std::chrono::milliseconds max_timeout_;
  std::chrono::milliseconds timeout_;
  std::deque<PendingSighting> pending_;  // spool order
};

}  // namespace anpr::daemon
