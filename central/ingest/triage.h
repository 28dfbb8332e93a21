// The first decision about every message an edge sends: is it a sighting to
// batch, a heartbeat to note, or something to refuse, and with which Reject?
// Kept apart from the socket loop, and free of I/O, so that every way a
// message can be wrong is tested to end in exactly one outcome and never in
// an exception that could take the server down.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "anpr/v1/envelope.pb.h"
#include "central/store/sighting_checks.h"

namespace anpr::ingest {

struct AcceptedSighting {
  uint64_t message_id = 0;
  v1::Sighting sighting;
};

struct AcceptedHeartbeat {
  uint64_t message_id = 0;
  v1::Heartbeat heartbeat;
};

// A message refused for good. `reject` is what goes back to the sender:
// message_id when the envelope could be read, the event id only when a
// sighting was read but breaks a field rule (docs/protocol.md, "Reject").
struct Refused {
  v1::Reject reject;
};

using Triage = std::variant<AcceptedSighting, AcceptedHeartbeat, Refused>;

// Decodes `payload` from the edge authenticated as `peer` and applies the
// field rules (sighting_rules.h) at time `now_us`.
Triage triage(std::string_view payload, std::string_view peer, const store::CaptureWindow& window,
              int64_t now_us);

// "INVALID_FIELD", "MALFORMED", ...: the reason as logs and counters name it.
std::string_view reason_name(v1::RejectReason reason);

}  // namespace anpr::ingest
