// The field rules central applies to every sighting and heartbeat before
// accepting it (docs/protocol.md, "Field validation on central"). decode()
// has already checked size, version and body; what is left is what only
// the central knows: who the sender really is, what the store can keep and
// which values are nonsense. Pure, so every rule is tested without sockets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "anpr/v1/delivery.pb.h"
#include "anpr/v1/heartbeat.pb.h"
#include "anpr/v1/sighting.pb.h"
#include "central/store/sighting_checks.h"

namespace anpr::ingest {

// Why a message is refused for good: the Reject reason and a detail naming
// the field, for the edge's log.
struct FieldProblem {
  v1::RejectReason reason = v1::REJECT_REASON_UNSPECIFIED;
  std::string detail;
};

// The first rule `sighting` breaks, or nullopt. `peer` is the edge id the
// connection authenticated as; capture times must lie in `window` around
// `now_us` (the same window the store enforces, so no sighting is accepted
// here and refused there).
std::optional<FieldProblem> sighting_problem(const v1::Sighting& sighting, std::string_view peer,
                                             const store::CaptureWindow& window, int64_t now_us);

// WRONG_SENDER when the heartbeat's edge_id is not `peer`.
std::optional<FieldProblem> heartbeat_problem(const v1::Heartbeat& heartbeat, std::string_view peer);

}  // namespace anpr::ingest
