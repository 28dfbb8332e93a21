// In-flight window of the sender; see delivery_window.h.
#include "edge/daemon/delivery_window.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace anpr::daemon {

bool is_permanent(v1::RejectReason reason) {
  return reason != v1::REJECT_REASON_UNSUPPORTED_VERSION && reason != v1::REJECT_REASON_UNSPECIFIED;
}

DeliveryWindow::DeliveryWindow(std::size_t capacity, std::chrono::milliseconds ack_timeout,
                               std::chrono::milliseconds ack_timeout_max)
    : capacity_(capacity), base_timeout_(ack_timeout), max_timeout_(ack_timeout_max), timeout_(ack_timeout) {
  if (capacity == 0) throw std::invalid_argument("delivery window: capacity must be at least 1");
  if (ack_timeout.count() <= 0 || ack_timeout_max < ack_timeout) {
    throw std::invalid_argument("delivery window: ack timeout must be positive and at most its maximum");
  }
}

std::size_t DeliveryWindow::in_flight() const {
  return static_cast<std::size_t>(
      std::count_if(pending_.begin(), pending_.end(), [](const PendingSighting& p) { return p.sent_at.has_value(); }));
}

void DeliveryWindow::add(PendingSighting sighting) {
  sighting.message_id = 0;
  sighting.sent_at.reset();
  pending_.push_back(std::move(sighting));
}

const PendingSighting* DeliveryWindow::next_unsent() const {
  auto it = std::find_if(pending_.begin(), pending_.end(), [](const PendingSighting& p) { return !p.sent_at; });
  return it == pending_.end() ? nullptr : &*it;
}

void DeliveryWindow::mark_sent(std::uint64_t seq, std::uint64_t message_id, Clock::time_point now) {
  for (auto& p : pending_) {
    if (p.seq == seq) {
      p.message_id = message_id;
      p.sent_at = now;
      return;
    }
  }
}

std::vector<std::uint64_t> DeliveryWindow::acked(const v1::Ack& ack, std::size_t* unknown) {
  std::vector<std::uint64_t> seqs;
  std::size_t missing = 0;
  for (const auto& id : ack.event_ids()) {
    auto it = std::find_if(pending_.begin(), pending_.end(), [&](const PendingSighting& p) { return p.event_id == id; });
    if (it == pending_.end()) {
      ++missing;
      continue;
    }
    seqs.push_back(it->seq);
    pending_.erase(it);
  }
  if (unknown) *unknown = missing;
  if (ack.event_ids_size() > 0) timeout_ = base_timeout_;
  return seqs;
}

std::vector<PendingSighting> DeliveryWindow::rejected(const v1::Reject& reject) {
  std::set<std::string> ids(reject.event_ids().begin(), reject.event_ids().end());
  auto named = [&](const PendingSighting& p) {
    if (!ids.empty()) return ids.contains(p.event_id);
    return reject.message_id() != 0 && p.message_id == reject.message_id();
  };
  std::vector<PendingSighting> out;
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (named(*it)) {
      out.push_back(std::move(*it));
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

bool DeliveryWindow::expired(Clock::time_point now) const {
  return std::any_of(pending_.begin(), pending_.end(),
                     [&](const PendingSighting& p) { return p.sent_at && now - *p.sent_at > timeout_; });
}

void DeliveryWindow::clear_for_resend() {
  pending_.clear();
  timeout_ = std::min(max_timeout_, timeout_ * 2);
}

}  // namespace anpr::daemon
