// Envelope encoding and the acceptance checks shared by encode() and decode().
#include "anpr/wire.h"

#include <limits>

#include <google/protobuf/unknown_field_set.h>

namespace anpr::proto {
namespace {

std::string size_problem(std::size_t size) {
  return "envelope is " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(kMaxMessageBytes);
}

// A body kind added by a newer peer parses into an unknown field of the
// envelope rather than into the oneof, so it must be told apart from a body
// that is simply missing: the remedy differs (upgrade vs. fix the sender).
void check_envelope(const v1::Envelope& envelope) {
  if (envelope.schema_version() == 0) {
    throw WireError(WireError::Kind::kUnsupportedVersion,
                    "envelope has no schema_version (expected " +
                        std::to_string(kSchemaVersion) + ")");
  }
  if (envelope.schema_version() != kSchemaVersion) {
    throw WireError(WireError::Kind::kUnsupportedVersion,
                    "envelope schema_version " +
                        std::to_string(envelope.schema_version()) +
                        " is not supported (this build speaks " +
                        std::to_string(kSchemaVersion) + ")");
  }
  if (envelope.body_case() == v1::Envelope::BODY_NOT_SET) {
    const auto& unknown =
        envelope.GetReflection()->GetUnknownFields(envelope);
    if (unknown.empty()) {
      throw WireError(WireError::Kind::kUnknownBody,
                      "envelope " + std::to_string(envelope.message_id()) +
                          " has no body");
    }
    throw WireError(WireError::Kind::kUnknownBody,
                    "envelope " + std::to_string(envelope.message_id()) +
                        " carries a body kind this build does not know "
                        "(field " +
                        std::to_string(unknown.field(0).number()) + ")");
  }
}

}  // namespace

WireError::WireError(Kind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind) {}

std::string encode(const v1::Envelope& envelope) {
  check_envelope(envelope);
  const std::size_t size = envelope.ByteSizeLong();
  if (size > kMaxMessageBytes) {
    throw WireError(WireError::Kind::kTooLarge, size_problem(size));
  }
  std::string bytes;
  if (!envelope.SerializeToString(&bytes)) {
    throw WireError(WireError::Kind::kMalformed,
                    "envelope " + std::to_string(envelope.message_id()) +
                        " could not be serialized");
  }
  return bytes;
}

v1::Envelope decode(std::string_view bytes) {
  static_assert(kMaxMessageBytes <= std::numeric_limits<int>::max(),
                "ParseFromArray takes an int size");
  if (bytes.size() > kMaxMessageBytes) {
    throw WireError(WireError::Kind::kTooLarge, size_problem(bytes.size()));
  }
  v1::Envelope envelope;
  if (!envelope.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw WireError(WireError::Kind::kMalformed,
                    "message of " + std::to_string(bytes.size()) +
                        " bytes is not a valid anpr.v1.Envelope");
  }
  check_envelope(envelope);
  return envelope;
}

}  // namespace anpr::proto
