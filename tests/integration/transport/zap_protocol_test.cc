// The ZAP policy: which handshakes get in and what user id they carry.
#include "common/transport/zap_protocol.h"

#include <gtest/gtest.h>

#include <zmq.h>

#include <array>
#include <cstdint>

#include "common/transport/curve_keys.h"

namespace anpr::transport {
namespace {

std::string binary_key(const std::string& z85) {
  std::array<std::uint8_t, kBinaryKeyLength> key{};
  zmq_z85_decode(key.data(), z85.c_str());
  return std::string(reinterpret_cast<const char*>(key.data()), key.size());
}

class ZapProtocol : public ::testing::Test {
 protected:
  CurveKeyPair edge = generate_curve_key_pair();
  CurveKeyPair stranger = generate_curve_key_pair();
  AllowList allowed{{edge.public_key, "edge-riga-1"}};

  ZapRequest curve_request(const CurveKeyPair& client) const {
    return {"1.0", "7", "anpr", "192.0.2.10", "", "CURVE", {binary_key(client.public_key)}};
  }
};

TEST_F(ZapProtocol, AdmitsListedKeyUnderItsName) {
  const ZapVerdict verdict = judge_zap_request(curve_request(edge), "anpr", allowed);
  EXPECT_TRUE(verdict.admitted);
  EXPECT_EQ(verdict.status_code, "200");
  EXPECT_EQ(verdict.user_id, "edge-riga-1");
  EXPECT_EQ(verdict.client_key, edge.public_key);
}

TEST_F(ZapProtocol, RefusesUnlistedKeyAndReportsIt) {
  const ZapVerdict verdict = judge_zap_request(curve_request(stranger), "anpr", allowed);
  EXPECT_FALSE(verdict.admitted);
  EXPECT_EQ(verdict.status_code, "400");
  EXPECT_EQ(verdict.user_id, "");
  EXPECT_EQ(verdict.client_key, stranger.public_key);
}

TEST_F(ZapProtocol, RefusesOtherMechanismsDomainsAndVersions) {
  ZapRequest request = curve_request(edge);
  request.mechanism = "NULL";
  request.credentials.clear();
  EXPECT_EQ(judge_zap_request(request, "anpr", allowed).status_code, "400");

  request = curve_request(edge);
  EXPECT_FALSE(judge_zap_request(request, "other", allowed).admitted);

  request.credentials = {"short"};
  EXPECT_EQ(judge_zap_request(request, "anpr", allowed).status_code, "400");

  request = curve_request(edge);
  request.version = "2.0";
  EXPECT_EQ(judge_zap_request(request, "anpr", allowed).status_code, "500");
}

TEST_F(ZapProtocol, ParsesFramesInRfcOrder) {
  const auto request = parse_zap_request({"1.0", "id", "anpr", "10.0.0.1", "rid", "CURVE", "k"});
  ASSERT_TRUE(request.has_value());
  EXPECT_EQ(request->request_id, "id");
  EXPECT_EQ(request->address, "10.0.0.1");
  EXPECT_EQ(request->mechanism, "CURVE");
  EXPECT_EQ(request->credentials, std::vector<std::string>{"k"});
  EXPECT_FALSE(parse_zap_request({"1.0", "id", "anpr", "10.0.0.1", "rid"}).has_value());
}

TEST_F(ZapProtocol, ReplyCarriesUserIdAndKeyAsMetadata) {
  const ZapVerdict verdict = judge_zap_request(curve_request(edge), "anpr", allowed);
  const std::string metadata = std::string("\x0b") + "X-Curve-Key" + std::string("\0\0\0\x28", 4) + edge.public_key;
  EXPECT_EQ(zap_reply_frames("7", verdict),
            (std::vector<std::string>{"1.0", "7", "200", "OK", "edge-riga-1", metadata}));
}

TEST_F(ZapProtocol, RefusalReplyCarriesNoUserIdOrMetadata) {
  const ZapVerdict verdict = judge_zap_request(curve_request(stranger), "anpr", allowed);
  EXPECT_EQ(zap_reply_frames("8", verdict),
            (std::vector<std::string>{"1.0", "8", "400", "client key not in allow-list", "", ""}));
}

}  // namespace
}  // namespace anpr::transport
