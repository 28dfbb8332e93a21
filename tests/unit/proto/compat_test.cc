// Forward compatibility of anpr.v1: a reader built from today's .proto files
// must accept what a newer v1 peer sends (fields it does not know are kept,
// not dropped) and must name, not misreport, a body kind it cannot handle.
#include <string>

#include <gtest/gtest.h>

#include "anpr/wire.h"
#include "future_envelope.pb.h"

namespace anpr::proto {
namespace {

const std::string kEventId(16, '\x5a');

std::string future_sighting_bytes() {
  future::Envelope envelope;
  envelope.set_schema_version(kSchemaVersion);
  envelope.set_message_id(7);
  auto* sighting = envelope.mutable_sighting();
  sighting->set_event_id(kEventId);
  sighting->set_plate_text("ABC123");
  sighting->set_vehicle_colour("red");
  return envelope.SerializeAsString();
}

TEST(CompatTest, OlderReaderReadsKnownFieldsOfANewerSighting) {
  const v1::Envelope envelope = decode(future_sighting_bytes());
  ASSERT_EQ(envelope.body_case(), v1::Envelope::kSighting);
  EXPECT_EQ(envelope.sighting().event_id(), kEventId);
  EXPECT_EQ(envelope.sighting().plate_text(), "ABC123");
}

// Central re-sends sightings inside alerts; a field added by a newer edge must
// reach a newer alert subscriber even if central itself was not upgraded.
TEST(CompatTest, OlderReaderKeepsUnknownFieldsWhenForwarding) {
  const v1::Envelope received = decode(future_sighting_bytes());

  v1::Envelope forwarded;
  forwarded.set_schema_version(kSchemaVersion);
  forwarded.set_message_id(8);
  forwarded.mutable_alert()->set_kind(v1::ALERT_KIND_WATCHLIST);
  *forwarded.mutable_alert()->mutable_sighting() = received.sighting();

  v1::Envelope again = decode(encode(forwarded));
  future::Sighting as_newer;
  ASSERT_TRUE(as_newer.ParseFromString(again.alert().sighting().SerializeAsString()));
  EXPECT_EQ(as_newer.vehicle_colour(), "red");
  EXPECT_EQ(as_newer.plate_text(), "ABC123");
}

TEST(CompatTest, OlderReaderAcceptsUnknownEnvelopeFieldBytes) {
  v1::Envelope envelope;
  envelope.set_schema_version(kSchemaVersion);
  envelope.mutable_ack()->add_event_ids(kEventId);
  // Field 200, varint, value 1: tag (200 << 3 | 0) = 1600 = 0xC0 0x0C.
  const std::string bytes = encode(envelope) + std::string("\xc0\x0c\x01", 3);

  const v1::Envelope received = decode(bytes);
  ASSERT_EQ(received.ack().event_ids_size(), 1);
  EXPECT_EQ(received.ack().event_ids(0), kEventId);
  EXPECT_EQ(encode(received), bytes);
}

TEST(CompatTest, NewerReaderDefaultsFieldsAnOlderWriterLacks) {
  v1::Envelope envelope;
  envelope.set_schema_version(kSchemaVersion);
  envelope.mutable_sighting()->set_event_id(kEventId);
  envelope.mutable_sighting()->set_plate_text("ABC123");

  future::Envelope as_newer;
  ASSERT_TRUE(as_newer.ParseFromString(encode(envelope)));
  EXPECT_EQ(as_newer.sighting().plate_text(), "ABC123");
  EXPECT_TRUE(as_newer.sighting().vehicle_colour().empty());
}

TEST(CompatTest, OlderReaderNamesAnUnknownBodyKind) {
  future::Envelope envelope;
  envelope.set_schema_version(kSchemaVersion);
  envelope.set_message_id(9);
  envelope.mutable_inventory()->set_note("spare cameras: 2");
  try {
    decode(envelope.SerializeAsString());
    ADD_FAILURE() << "decode accepted a body kind v1 does not define";
  } catch (const WireError& e) {
    EXPECT_EQ(e.kind(), WireError::Kind::kUnknownBody);
    EXPECT_NE(std::string(e.what()).find("does not know (field 15)"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace anpr::proto
