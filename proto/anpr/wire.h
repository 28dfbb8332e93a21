// Turning an anpr.v1.Envelope into the bytes of one ZeroMQ message and back.
// Every socket of the platform goes through these two calls, so the checks a
// receiver must make before trusting a message (size, version, a body it
// understands) are made here once instead of in each daemon.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "anpr/v1/envelope.pb.h"

namespace anpr::proto {

// The protocol major version this build speaks; see docs/protocol.md for what
// may change without bumping it.
inline constexpr uint32_t kSchemaVersion = 1;

// Largest serialized Envelope either side sends or accepts. A sighting with
// both JPEGs is about 30 KB; the margin leaves room for large overview images
// while bounding what a misbehaving peer can make the receiver allocate.
inline constexpr std::size_t kMaxMessageBytes = std::size_t{1} << 20;

// Thrown by encode() and decode(). kind() lets the central map a refused
// message to a Reject reason without parsing what().
class WireError : public std::runtime_error {
 public:
  enum class Kind {
    kTooLarge,
    kMalformed,
    kUnsupportedVersion,
    kUnknownBody,
  };

  WireError(Kind kind, const std::string& message);

  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Serializes an envelope after checking it is one a peer will accept, so a
// sender learns of its own mistake instead of getting a Reject later.
std::string encode(const v1::Envelope& envelope);

// Parses one received message. Unknown fields are kept (and re-encoded if the
// envelope is forwarded), which is what lets a newer peer add fields.
v1::Envelope decode(std::string_view bytes);

}  // namespace anpr::proto
