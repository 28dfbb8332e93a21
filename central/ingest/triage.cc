// Triage of inbound edge messages; see triage.h.
#include "central/ingest/triage.h"

#include "anpr/wire.h"
#include "central/ingest/sighting_rules.h"

namespace anpr::ingest {

namespace {

v1::RejectReason reason_of(proto::WireError::Kind kind) {
  switch (kind) {
    case proto::WireError::Kind::kTooLarge: return v1::REJECT_REASON_TOO_LARGE;
    case proto::WireError::Kind::kMalformed: return v1::REJECT_REASON_MALFORMED;
    case proto::WireError::Kind::kUnsupportedVersion: return v1::REJECT_REASON_UNSUPPORTED_VERSION;
    case proto::WireError::Kind::kUnknownBody: return v1::REJECT_REASON_UNKNOWN_BODY;
  }
  return v1::REJECT_REASON_MALFORMED;
}

// The message id of an envelope decode() refused for its version or body:
// it parsed, so the edge can be told which message was refused. Messages
// that are too large or unparseable are not read any further.
uint64_t salvage_message_id(std::string_view payload, proto::WireError::Kind kind) {
  if (kind != proto::WireError::Kind::kUnsupportedVersion && kind != proto::WireError::Kind::kUnknownBody) return 0;
  v1::Envelope envelope;
  if (!envelope.ParseFromArray(payload.data(), static_cast<int>(payload.size()))) return 0;
  return envelope.message_id();
}

Refused refuse(uint64_t message_id, v1::RejectReason reason, std::string detail) {
  Refused refused;
  refused.reject.set_message_id(message_id);
  refused.reject.set_reason(reason);
  refused.reject.set_detail(std::move(detail));
  return refused;
}

}  // namespace

Triage triage(std::string_view payload, std::string_view peer, const store::CaptureWindow& window,
              int64_t now_us) {
  v1::Envelope envelope;
  try {
    envelope = proto::decode(payload);
  } catch (const proto::WireError& error) {
    return refuse(salvage_message_id(payload, error.kind()), reason_of(error.kind()), error.what());
  }
  const uint64_t message_id = envelope.message_id();
  switch (envelope.body_case()) {
    case v1::Envelope::kSighting: {
      if (auto problem = sighting_problem(envelope.sighting(), peer, window, now_us)) {
        Refused refused = refuse(message_id, problem->reason, std::move(problem->detail));
        refused.reject.add_event_ids(envelope.sighting().event_id());
        return refused;
      }
      return AcceptedSighting{message_id, std::move(*envelope.mutable_sighting())};
    }
    case v1::Envelope::kHeartbeat:
      if (auto problem = heartbeat_problem(envelope.heartbeat(), peer)) {
        return refuse(message_id, problem->reason, std::move(problem->detail));
      }
      return AcceptedHeartbeat{message_id, std::move(*envelope.mutable_heartbeat())};
    case v1::Envelope::kAck:
    case v1::Envelope::kReject:
    case v1::Envelope::kAlert:
      return refuse(message_id, v1::REJECT_REASON_NOT_ACCEPTED,
                    "body field " + std::to_string(envelope.body_case()) + " is sent by central, never to it");
    case v1::Envelope::BODY_NOT_SET: break;
  }
  // decode() refuses an envelope without a body; kept for a body kind added to the schema but not here.
  return refuse(message_id, v1::REJECT_REASON_UNKNOWN_BODY,
                "body field " + std::to_string(envelope.body_case()) + " is not handled by this central");
}

std::string_view reason_name(v1::RejectReason reason) {
  switch (reason) {
    case v1::REJECT_REASON_MALFORMED: return "MALFORMED";
    case v1::REJECT_REASON_UNSUPPORTED_VERSION: return "UNSUPPORTED_VERSION";
    case v1::REJECT_REASON_TOO_LARGE: return "TOO_LARGE";
    case v1::REJECT_REASON_UNKNOWN_BODY: return "UNKNOWN_BODY";
    case v1::REJECT_REASON_NOT_ACCEPTED: return "NOT_ACCEPTED";
    case v1::REJECT_REASON_INVALID_FIELD: return "INVALID_FIELD";
    case v1::REJECT_REASON_WRONG_SENDER: return "WRONG_SENDER";
    default: return "UNSPECIFIED";
  }
}

}  // namespace anpr::ingest
