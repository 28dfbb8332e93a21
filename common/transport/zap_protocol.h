// The decision half of ZAP (RFC 27, ZeroMQ Authentication Protocol), kept free
// of sockets and threads so the policy can be read and tested on its own:
// only CURVE clients whose public key is in the allow-list get in, and the
// name they are listed under becomes the User-Id of every message they send.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anpr::transport {

// Z85 public key of a client -> the name the server sees it as (the edge id).
// Two keys may carry one name, which is how an edge key is rotated.
using AllowList = std::unordered_map<std::string, std::string>;

struct ZapRequest {
  std::string version;
  std::string request_id;
  std::string domain;
  std::string address;     // the peer's IP address, for the log
  std::string routing_id;
  std::string mechanism;   // "NULL", "PLAIN" or "CURVE"
  std::vector<std::string> credentials;  // CURVE: the 32-byte client public key
};

struct ZapVerdict {
  bool admitted = false;
  std::string status_code;  // "200", "400" or "500", as RFC 27 defines them
  std::string status_text;
  std::string user_id;      // the client's listed name when admitted
  std::string client_key;   // Z85 public key, when the request carried one
};

// nullopt when `frames` is too short to be a ZAP request.
std::optional<ZapRequest> parse_zap_request(const std::vector<std::string>& frames);

ZapVerdict judge_zap_request(const ZapRequest& request, std::string_view domain, const AllowList& allowed);

// Message property (zmq_msg_gets) under which an admitted client's Z85 key
// travels with each of its messages, so the server can re-check the key
// against the current allow-list after a revocation.
inline constexpr const char* kCurveKeyProperty = "X-Curve-Key";

// The reply message: version, request id, status code and text, user id and
// metadata (ZMTP property list) carrying kCurveKeyProperty when admitted.
std::vector<std::string> zap_reply_frames(std::string_view request_id, const ZapVerdict& verdict);

}  // namespace anpr::transport
