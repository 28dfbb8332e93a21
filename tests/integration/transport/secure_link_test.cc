// The edge-to-central link over real CURVE sockets on 127.0.0.1: who gets in,
// what the server learns about the sender, and what a bad client cannot do to
// the others. Every wait is bounded by a poll timeout.
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/transport/secure_dealer.h"
#include "common/transport/secure_router.h"
#include "common/transport/transport_error.h"
#include "common/transport/zap_authenticator.h"

namespace anpr::transport {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kMaxMessageBytes = 1024;
// Long enough for a loopback CURVE handshake on a busy machine, short enough
// to keep the suite quick; "nothing arrives" checks wait for it in full.
constexpr auto kQuiet = 1500ms;
constexpr auto kPatience = 5s;

class SecureLink : public ::testing::Test {
 protected:
  zmq::context_t server_context;
  zmq::context_t client_context;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> log_sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("transport-test", log_sink);
  CurveKeyPair server_keys = generate_curve_key_pair();
  ZapAuthenticator authenticator{server_context, "anpr", logger};
  std::unique_ptr<SecureRouter> router;

  void SetUp() override {
    RouterOptions options;
    options.endpoint = "tcp://127.0.0.1:*";
    options.secret_key = server_keys.secret_key;
    options.max_message_bytes = kMaxMessageBytes;
    options.linger = 0ms;
    options.logger = logger;
    router = std::make_unique<SecureRouter>(authenticator, options);
  }

  DealerOptions dealer_options(const CurveKeyPair& keys) const {
    DealerOptions options;
    options.endpoint = router->endpoint();
    options.server_public_key = server_keys.public_key;
    options.client_keys = keys;
    options.max_message_bytes = kMaxMessageBytes;
    options.reconnect_interval = 50ms;
    options.reconnect_interval_max = 200ms;
    options.heartbeat_interval = 200ms;
    options.heartbeat_timeout = 2s;
    options.linger = 0ms;
    options.logger = logger;
    return options;
  }

  bool logged(const std::string& text) const {
    for (const std::string& line : log_sink->last_formatted()) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }
};

TEST_F(SecureLink, KnownKeyRoundTripCarriesTheEdgeName) {
  const CurveKeyPair edge = generate_curve_key_pair();
  authenticator.replace_allow_list({{edge.public_key, "edge-riga-1"}});
  SecureDealer dealer(client_context, dealer_options(edge));

  ASSERT_TRUE(dealer.send("sighting", kPatience));
  const auto inbound = router->receive(kPatience);
  ASSERT_TRUE(inbound.has_value());
  EXPECT_EQ(inbound->peer, "edge-riga-1");
  EXPECT_EQ(inbound->payload, "sighting");

  ASSERT_TRUE(router->send(inbound->routing_id, "ack"));
  EXPECT_EQ(dealer.receive(kPatience), std::optional<std::string>("ack"));
  EXPECT_EQ(authenticator.admitted(), 1u);
  EXPECT_EQ(authenticator.refused(), 0u);
}

TEST_F(SecureLink, UnknownKeyIsRefusedLoggedAndCounted) {
  const CurveKeyPair listed = generate_curve_key_pair();
  const CurveKeyPair stranger = generate_curve_key_pair();
  authenticator.replace_allow_list({{listed.public_key, "edge-riga-1"}});
  SecureDealer dealer(client_context, dealer_options(stranger));

  EXPECT_FALSE(dealer.send("sighting", 200ms));
  EXPECT_FALSE(router->receive(kQuiet).has_value());
  EXPECT_FALSE(dealer.receive(100ms).has_value());  // lets the dealer read its handshake events
  EXPECT_GE(authenticator.refused(), 1u);
  EXPECT_EQ(authenticator.admitted(), 0u);
  EXPECT_TRUE(logged("zap_refused")) << "no refusal logged";
  EXPECT_TRUE(logged("key=" + stranger.public_key));
  EXPECT_TRUE(logged("address=127.0.0.1"));
  EXPECT_TRUE(logged("dealer_refused")) << "the edge side did not say why it is not getting through";
}

TEST_F(SecureLink, WrongServerKeyGetsNothingThrough) {
  const CurveKeyPair edge = generate_curve_key_pair();
  authenticator.replace_allow_list({{edge.public_key, "edge-riga-1"}});
  DealerOptions options = dealer_options(edge);
  options.server_public_key = generate_curve_key_pair().public_key;
  SecureDealer dealer(client_context, options);

  EXPECT_FALSE(dealer.send("sighting", 200ms));
  EXPECT_FALSE(router->receive(kQuiet).has_value());
  EXPECT_FALSE(dealer.receive(100ms).has_value());
  EXPECT_EQ(authenticator.admitted(), 0u);
  EXPECT_TRUE(logged("dealer_handshake_dropped"));
}

TEST_F(SecureLink, PlaintextClientGetsNothingThrough) {
  const CurveKeyPair edge = generate_curve_key_pair();
  authenticator.replace_allow_list({{edge.public_key, "edge-riga-1"}});
  DealerOptions options = dealer_options({});
  options.server_public_key.clear();
  options.allow_plaintext = true;
  SecureDealer dealer(client_context, options);
  EXPECT_TRUE(logged("NOT ENCRYPTED"));

  EXPECT_FALSE(dealer.send("sighting", 200ms));
  EXPECT_FALSE(router->receive(kQuiet).has_value());
  EXPECT_EQ(authenticator.admitted(), 0u);
}

TEST_F(SecureLink, DealerRefusesPlaintextOrHalfKeysUnlessAllowed) {
  DealerOptions options = dealer_options({});
  options.server_public_key.clear();
  try {
    SecureDealer dealer(client_context, options);
    ADD_FAILURE() << "plaintext dealer started without allow_plaintext";
  } catch (const TransportError& error) {
    EXPECT_NE(std::string(error.what()).find("refusing to send plaintext"), std::string::npos) << error.what();
  }

  options = dealer_options({generate_curve_key_pair().public_key, ""});
  options.allow_plaintext = true;
  EXPECT_THROW(SecureDealer(client_context, options), TransportError);

  const CurveKeyPair a = generate_curve_key_pair();
  options = dealer_options({a.public_key, generate_curve_key_pair().secret_key});
  EXPECT_THROW(SecureDealer(client_context, options), TransportError);
}

TEST_F(SecureLink, ReplacedAllowListAppliesToNewConnections) {
  const CurveKeyPair edge = generate_curve_key_pair();
  SecureDealer early(client_context, dealer_options(edge));
  EXPECT_FALSE(early.send("too early", 200ms));
  EXPECT_FALSE(router->receive(kQuiet).has_value());
  EXPECT_GE(authenticator.refused(), 1u);

  // The refused dealer redials with backoff; its next handshake is admitted.
  authenticator.replace_allow_list({{edge.public_key, "edge-vilnius-2"}});
  ASSERT_TRUE(early.send("enrolled", kPatience));
  const auto inbound = router->receive(kPatience);
  ASSERT_TRUE(inbound.has_value());
  EXPECT_EQ(inbound->peer, "edge-vilnius-2");
  EXPECT_EQ(inbound->payload, "enrolled");

  // Revocation refuses new handshakes and silences the link already open.
  authenticator.replace_allow_list({});
  const auto refused_before = authenticator.refused();
  SecureDealer late(client_context, dealer_options(edge));
  EXPECT_FALSE(late.send("new link", 200ms));
  EXPECT_TRUE(early.send("old link", kPatience));
  EXPECT_FALSE(router->receive(kQuiet).has_value());
  EXPECT_GT(authenticator.refused(), refused_before);
  EXPECT_TRUE(logged("router_peer_revoked"));
  EXPECT_TRUE(logged("peer=edge-vilnius-2"));
}

TEST_F(SecureLink, KeyMovedToAnotherNameIsNotTrustedUnderTheOldOne) {
  const CurveKeyPair edge = generate_curve_key_pair();
  authenticator.replace_allow_list({{edge.public_key, "edge-riga-1"}});
  SecureDealer dealer(client_context, dealer_options(edge));
  ASSERT_TRUE(dealer.send("first", kPatience));
  ASSERT_TRUE(router->receive(kPatience).has_value());

  authenticator.replace_allow_list({{edge.public_key, "edge-riga-2"}});
  ASSERT_TRUE(dealer.send("second", kPatience));
  EXPECT_FALSE(router->receive(kQuiet).has_value()) << "message attributed to a name the key no longer has";
}

TEST_F(SecureLink, OversizedMessageIsDroppedWithoutHarmingOthers) {
  const CurveKeyPair big_edge = generate_curve_key_pair();
  const CurveKeyPair small_edge = generate_curve_key_pair();
  authenticator.replace_allow_list({{big_edge.public_key, "edge-big"}, {small_edge.public_key, "edge-small"}});
  SecureDealer big(client_context, dealer_options(big_edge));
  SecureDealer small(client_context, dealer_options(small_edge));

  ASSERT_TRUE(big.send(std::string(4 * kMaxMessageBytes, 'x'), kPatience));
  ASSERT_TRUE(small.send("small", kPatience));
  const auto inbound = router->receive(kPatience);
  ASSERT_TRUE(inbound.has_value());
  EXPECT_EQ(inbound->peer, "edge-small");
  EXPECT_EQ(inbound->payload, "small");
  EXPECT_FALSE(router->receive(kQuiet).has_value()) << "oversized message was delivered";

  // The offender lost its connection, not its ability to reconnect.
  ASSERT_TRUE(big.send("fits", kPatience));
  const auto after = router->receive(kPatience);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->peer, "edge-big");
  EXPECT_EQ(after->payload, "fits");
}

TEST_F(SecureLink, SendToUnknownPeerReportsFailure) {
  EXPECT_FALSE(router->send("no-such-peer", "ack"));
}

TEST_F(SecureLink, OneZapHandlerPerContext) {
  EXPECT_THROW(ZapAuthenticator(server_context, "anpr", logger), TransportError);
}

TEST_F(SecureLink, AllowListRejectsMalformedKeys) {
  EXPECT_THROW(authenticator.replace_allow_list({{"not-a-key", "edge"}}), TransportError);
  EXPECT_THROW(authenticator.replace_allow_list({{generate_curve_key_pair().public_key, ""}}), TransportError);
}

}  // namespace
}  // namespace anpr::transport
