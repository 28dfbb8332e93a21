// ZAP request parsing, the allow-list policy and reply framing (RFC 27).
#include "common/transport/zap_protocol.h"

#include <cstdint>
#include <utility>

#include "common/transport/curve_keys.h"

namespace anpr::transport {

namespace {

constexpr std::size_t kRequestHeaderFrames = 6;
constexpr std::string_view kZapVersion = "1.0";

// One ZMTP 3.0 metadata property: name length (1 byte), name, value length
// (4 bytes, network order), value.
std::string zmtp_property(std::string_view name, std::string_view value) {
  std::string encoded(1, static_cast<char>(name.size()));
  encoded += name;
  const auto size = static_cast<std::uint32_t>(value.size());
  for (int shift = 24; shift >= 0; shift -= 8) encoded += static_cast<char>((size >> shift) & 0xff);
  encoded += value;
  return encoded;
}

ZapVerdict refuse(std::string code, std::string text, std::string client_key = {}) {
  return {false, std::move(code), std::move(text), {}, std::move(client_key)};
}

}  // namespace

std::optional<ZapRequest> parse_zap_request(const std::vector<std::string>& frames) {
  if (frames.size() < kRequestHeaderFrames) return std::nullopt;
  return ZapRequest{frames[0], frames[1], frames[2], frames[3], frames[4], frames[5],
                    std::vector<std::string>(frames.begin() + kRequestHeaderFrames, frames.end())};
}

ZapVerdict judge_zap_request(const ZapRequest& request, std::string_view domain, const AllowList& allowed) {
  if (request.version != kZapVersion) return refuse("500", "unsupported ZAP version");
  if (request.domain != domain) return refuse("400", "unknown ZAP domain");
  if (request.mechanism != "CURVE") return refuse("400", "only CURVE is accepted");
  if (request.credentials.size() != 1 || request.credentials[0].size() != kBinaryKeyLength) {
    return refuse("400", "malformed CURVE credentials");
  }
  std::string client_key = z85_from_binary_key(request.credentials[0]);
  const auto listed = allowed.find(client_key);
  if (listed == allowed.end()) return refuse("400", "client key not in allow-list", std::move(client_key));
  return {true, "200", "OK", listed->second, std::move(client_key)};
}

std::vector<std::string> zap_reply_frames(std::string_view request_id, const ZapVerdict& verdict) {
  std::string metadata = verdict.admitted ? zmtp_property(kCurveKeyProperty, verdict.client_key) : std::string();
  return {std::string(kZapVersion), std::string(request_id), verdict.status_code, verdict.status_text,
          verdict.user_id, std::move(metadata)};
}

}  // namespace anpr::transport
