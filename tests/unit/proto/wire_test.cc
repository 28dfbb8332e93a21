// encode()/decode() of anpr.v1 envelopes: every body kind survives a round
// trip field for field, and every message a receiver must refuse is refused
// with the matching WireError kind and a message that names the problem.
#include <cstdint>
#include <string>

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "anpr/wire.h"

namespace anpr::proto {
namespace {

using google::protobuf::util::MessageDifferencer;

const std::string kEventId("\x01\x8f\x3a\x52\x7c\x00\x70\x00\x80\x00\x00\x00\x00\x00\x00\x2a", 16);

v1::Envelope envelope_header() {
  v1::Envelope envelope;
  envelope.set_schema_version(kSchemaVersion);
  envelope.set_message_id(42);
  envelope.set_sent_at_us(1'717'000'000'123'456);
  return envelope;
}

void fill_sighting(v1::Sighting& s) {
  s.set_event_id(kEventId);
  s.set_edge_id("edge-terehova-01");
  s.set_camera_id("lane1-in");
  s.set_site_id("terehova");
  s.set_captured_at_us(1'717'000'000'000'777);
  s.mutable_clock_sync()->set_state(v1::CLOCK_SYNC_STATE_SYNCED);
  s.mutable_clock_sync()->set_error_bound_us(250);
  s.set_plate_text("AB1234");
  s.set_plate_display("AB-1234");
  s.set_plate_country("LV");
  s.set_country_confidence(0.93f);
  s.set_read_confidence(0.88f);
  auto* first = s.add_candidates();
  first->set_text("AB1234");
  first->set_confidence(0.88f);
  auto* second = s.add_candidates();
  second->set_text("A81234");
  second->set_confidence(0.07f);
  s.set_frame_width(1920);
  s.set_frame_height(1080);
  s.mutable_plate_box()->set_x(812);
  s.mutable_plate_box()->set_y(640);
  s.mutable_plate_box()->set_width(180);
  s.mutable_plate_box()->set_height(42);
  for (const auto& [x, y] : {std::pair{812.5f, 641.f}, std::pair{991.f, 644.25f},
                             std::pair{990.f, 682.f}, std::pair{813.f, 679.5f}}) {
    auto* corner = s.add_plate_corners();
    corner->set_x(x);
    corner->set_y(y);
  }
  s.set_direction(v1::DIRECTION_APPROACHING);
  s.set_lane(1);
  s.set_frames_seen(14);
  s.set_plate_jpeg(std::string("\xff\xd8\xff\xe0plate\xff\xd9", 11));
  s.set_overview_jpeg(std::string("\xff\xd8\xff\xe0overview\xff\xd9", 14));
  s.set_engine_version("anpr-edge 0.1.0");
}

v1::Envelope sighting_envelope() {
  auto envelope = envelope_header();
  fill_sighting(*envelope.mutable_sighting());
  return envelope;
}

void expect_round_trip(const v1::Envelope& sent) {
  const v1::Envelope received = decode(encode(sent));
  EXPECT_TRUE(MessageDifferencer::Equals(sent, received))
      << "sent:\n" << sent.DebugString() << "received:\n" << received.DebugString();
}

void expect_refused(const std::string& bytes, WireError::Kind kind,
                    const std::string& message_part) {
  try {
    decode(bytes);
    ADD_FAILURE() << "decode accepted a message it must refuse";
  } catch (const WireError& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
  }
}

TEST(WireTest, SightingRoundTripsWithSubMillisecondTime) {
  const auto sent = sighting_envelope();
  expect_round_trip(sent);
  const auto received = decode(encode(sent));
  EXPECT_EQ(received.sighting().captured_at_us() % 1000, 777);
  EXPECT_EQ(received.sighting().event_id(), kEventId);
  EXPECT_EQ(received.sighting().plate_corners_size(), 4);
}

TEST(WireTest, HeartbeatRoundTrips) {
  auto envelope = envelope_header();
  auto* hb = envelope.mutable_heartbeat();
  hb->set_edge_id("edge-terehova-01");
  hb->set_software_version("anpr-edge 0.1.0");
  hb->set_uptime_s(86'400 * 3);
  hb->set_spool_depth(17);
  hb->mutable_clock_sync()->set_state(v1::CLOCK_SYNC_STATE_HOLDOVER);
  hb->mutable_clock_sync()->set_error_bound_us(12'000);
  auto* cam = hb->add_cameras();
  cam->set_camera_id("lane1-in");
  cam->set_state(v1::CAMERA_STATE_STREAMING);
  cam->set_fps_in(25.f);
  cam->set_fps_out(12.5f);
  cam->set_frames_dropped(3);
  auto* broken = hb->add_cameras();
  broken->set_camera_id("lane2-out");
  broken->set_state(v1::CAMERA_STATE_CONNECTING);
  broken->set_last_error("rtsp://10.0.0.12/stream: connection refused");
  expect_round_trip(envelope);
}

TEST(WireTest, AckRoundTrips) {
  auto envelope = envelope_header();
  envelope.mutable_ack()->add_event_ids(kEventId);
  envelope.mutable_ack()->add_event_ids(std::string(16, '\x07'));
  expect_round_trip(envelope);
}

TEST(WireTest, RejectRoundTrips) {
  auto envelope = envelope_header();
  auto* reject = envelope.mutable_reject();
  reject->set_message_id(41);
  reject->add_event_ids(kEventId);
  reject->set_reason(v1::REJECT_REASON_INVALID_FIELD);
  reject->set_detail("event_id is 15 bytes, expected 16");
  expect_round_trip(envelope);
}

TEST(WireTest, WatchlistAlertRoundTrips) {
  auto envelope = envelope_header();
  auto* alert = envelope.mutable_alert();
  alert->set_alert_id(std::string(16, '\x11'));
  alert->set_kind(v1::ALERT_KIND_WATCHLIST);
  alert->set_priority(v1::ALERT_PRIORITY_HIGH);
  alert->set_agency("vp");
  alert->set_raised_at_us(1'717'000'000'050'000);
  fill_sighting(*alert->mutable_sighting());
  auto* match = alert->mutable_watchlist();
  match->set_watchlist_id("stolen-vehicles");
  match->set_entry_id("SV-2024-118");
  match->set_listed_plate("AB1234");
  match->set_listed_country("LV");
  match->set_reason("reported stolen 2024-05-28");
  alert->set_match_distance(0.5f);
  expect_round_trip(envelope);
}

TEST(WireTest, CorrelationAlertRoundTrips) {
  auto envelope = envelope_header();
  auto* alert = envelope.mutable_alert();
  alert->set_alert_id(std::string(16, '\x12'));
  alert->set_kind(v1::ALERT_KIND_IMPOSSIBLE_TRAVEL);
  alert->set_priority(v1::ALERT_PRIORITY_MEDIUM);
  alert->set_agency("vsat");
  fill_sighting(*alert->mutable_sighting());
  auto* match = alert->mutable_correlation();
  match->set_rule_id("impossible-travel");
  match->set_rule_name("Impossible travel");
  match->add_related_event_ids(std::string(16, '\x13'));
  match->set_explanation("seen 212 km apart 9 minutes earlier");
  expect_round_trip(envelope);
}

TEST(WireTest, DecodeRefusesGarbage) {
  expect_refused(std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11),
                 WireError::Kind::kMalformed, "not a valid anpr.v1.Envelope");
}

TEST(WireTest, DecodeRefusesTruncatedMessage) {
  const std::string bytes = encode(sighting_envelope());
  expect_refused(bytes.substr(0, bytes.size() / 2), WireError::Kind::kMalformed,
                 std::to_string(bytes.size() / 2) + " bytes");
}

TEST(WireTest, DecodeRefusesOversizedInputBeforeParsing) {
  expect_refused(std::string(kMaxMessageBytes + 1, '\0'), WireError::Kind::kTooLarge,
                 "over the limit");
}

TEST(WireTest, EncodeRefusesOversizedEnvelopeAndAcceptsOneJustUnder) {
  auto envelope = sighting_envelope();
  envelope.mutable_sighting()->set_overview_jpeg(std::string(kMaxMessageBytes, 'x'));
  try {
    encode(envelope);
    ADD_FAILURE() << "encode accepted an envelope over kMaxMessageBytes";
  } catch (const WireError& e) {
    EXPECT_EQ(e.kind(), WireError::Kind::kTooLarge) << e.what();
  }

  envelope.mutable_sighting()->clear_overview_jpeg();
  const std::size_t room = kMaxMessageBytes - envelope.ByteSizeLong() - 8;
  envelope.mutable_sighting()->set_overview_jpeg(std::string(room, 'x'));
  const std::string bytes = encode(envelope);
  EXPECT_LE(bytes.size(), kMaxMessageBytes);
  EXPECT_GT(bytes.size(), kMaxMessageBytes - 16);
  EXPECT_EQ(decode(bytes).sighting().overview_jpeg().size(), room);
}

TEST(WireTest, DecodeRefusesAnotherSchemaVersion) {
  auto envelope = sighting_envelope();
  envelope.set_schema_version(kSchemaVersion + 1);
  expect_refused(envelope.SerializeAsString(), WireError::Kind::kUnsupportedVersion,
                 "schema_version 2 is not supported");
}

TEST(WireTest, DecodeRefusesAbsentSchemaVersion) {
  auto envelope = sighting_envelope();
  envelope.clear_schema_version();
  expect_refused(envelope.SerializeAsString(), WireError::Kind::kUnsupportedVersion,
                 "no schema_version");
}

TEST(WireTest, DecodeRefusesEmptyFrame) {
  expect_refused("", WireError::Kind::kUnsupportedVersion, "no schema_version");
}

TEST(WireTest, DecodeRefusesEnvelopeWithoutBody) {
  expect_refused(envelope_header().SerializeAsString(), WireError::Kind::kUnknownBody,
                 "envelope 42 has no body");
}

TEST(WireTest, EncodeRefusesWhatDecodeWouldRefuse) {
  EXPECT_THROW(encode(envelope_header()), WireError);
  auto unversioned = sighting_envelope();
  unversioned.clear_schema_version();
  EXPECT_THROW(encode(unversioned), WireError);
}

}  // namespace
}  // namespace anpr::proto
