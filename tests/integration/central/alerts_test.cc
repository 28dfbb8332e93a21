// Alerts from a running anpr-central: watchlist hits and correlation
// findings published on the CURVE alert socket under "<agency>.<priority>",
// stored in the alerts table, and only to the agencies meant to see them.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "anpr/wire.h"
#include "central/alerts/alert_publisher.h"
#include "central/alerts/border_time.h"
#include "central/store/migrator.h"
#include "central/store/pg_text.h"
#include "central/watchlist/watchlist_repository.h"
#include "common/transport/zap_authenticator.h"
#include "tests/integration/central/central_harness.h"

namespace anpr::central::testing {
namespace {

class CentralAlerts : public ::testing::Test {
 protected:
  CentralHarness harness{"central_alerts"};

  // Lists exist before the server starts, as on a live system; the schema
  // is therefore made here, and the server finds nothing to migrate.
  void SetUp() override {
    pqxx::connection conn(harness.conninfo());
    store::migrate(conn);
    create_list("stolen-lv", "vrs", {1, 0});
    create_list("wanted-lt", "vsat", {0, 0});
  }

  void create_list(const std::string& id, const std::string& agency, plate::MatchTolerance tolerance) {
    pqxx::connection conn(harness.conninfo());
    pqxx::work tx(conn);
    watchlist::Watchlist list;
    list.id = id;
    list.agency = agency;
    list.tolerance = tolerance;
    watchlist::create_watchlist(tx, list, "test");
    tx.commit();
  }

  int64_t add(watchlist::Entry entry) {
    pqxx::connection conn(harness.conninfo());
    pqxx::work tx(conn);
    int64_t id = watchlist::add_entry(tx, entry, "test");
    tx.commit();
    return id;
  }

  static watchlist::Entry entry(const std::string& list, const std::string& pattern, int priority = 3) {
    watchlist::Entry e;
    e.list = list;
    e.pattern = pattern;
    e.reason = "stolen vehicle";
    e.priority = priority;
    return e;
  }

  AlertSubscriber subscriber(const std::string& agency, const std::string& topic) {
    return AlertSubscriber(harness.endpoints().alerts, harness.server_keys(), harness.subscriber_keys(agency), topic);
  }

  v1::Sighting deliver(const std::string& plate, const std::string& edge = kEdgeLv, const std::string& site = kSiteLv,
                       int64_t captured_at_us = 0) {
    EdgeClient client(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(edge));
    v1::Sighting s = make_sighting(plate, edge, site, captured_at_us != 0 ? captured_at_us : now_us() - kMinuteUs);
    EXPECT_TRUE(client.deliver_all({s}, kPatience));
    return s;
  }
};

TEST_F(CentralAlerts, ExactWildcardAndFuzzyHitsArriveUnderTheirTopicsAndNonHitsDoNot) {
  add(entry("stolen-lv", "AB1234", 4));
  watchlist::Entry fuzzy = entry("stolen-lv", "KL5008", 3);
  fuzzy.fuzzy = true;
  add(fuzzy);
  add(entry("stolen-lv", "XY*9", 2));
  harness.start();
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  settle_subscriptions();

  v1::Sighting exact = deliver("AB1234");
  auto got = vrs.for_plate("AB1234", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vrs.critical");
  EXPECT_EQ(got[0].alert.kind(), v1::ALERT_KIND_WATCHLIST);
  EXPECT_EQ(got[0].alert.agency(), "vrs");
  EXPECT_EQ(got[0].alert.watchlist().watchlist_id(), "stolen-lv");
  EXPECT_EQ(got[0].alert.watchlist().listed_plate(), "AB1234");
  EXPECT_EQ(got[0].alert.match_distance(), 0.0f);
  EXPECT_EQ(got[0].alert.sighting().event_id(), exact.event_id());
  EXPECT_EQ(got[0].alert.sighting().plate_jpeg().size(), 3072u);
  EXPECT_EQ(got[0].alert.alert_id().size(), 16u);

  deliver("KLS008");  // an OCR misread of the listed KL5008: S for 5
  got = vrs.for_plate("KLS008", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vrs.high");
  EXPECT_EQ(got[0].alert.watchlist().listed_plate(), "KL5008");
  EXPECT_EQ(got[0].alert.match_distance(), 0.5f);

  deliver("XY1239");
  got = vrs.for_plate("XY1239", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vrs.medium");

  deliver("ZZ0000");
  deliver("AB1235");
  EXPECT_TRUE(vrs.for_plate("ZZ0000", kQuiet).empty());
  EXPECT_TRUE(vrs.for_plate("AB1235", 100ms).empty());
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts WHERE kind = 'watchlist'"), 3);
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts a JOIN watchlist_entries e USING (entry_id)"
                          " WHERE a.plate_text = 'AB1234' AND a.event_id = '" + store::uuid_text(exact.event_id()) + "'"),
            1);
}

TEST_F(CentralAlerts, ExpiredAndInactiveEntriesDoNotFire) {
  watchlist::Entry expired = entry("stolen-lv", "EX1111");
  expired.valid_from_us = now_us() - 48LL * 60 * kMinuteUs;
  expired.valid_until_us = now_us() - 24LL * 60 * kMinuteUs;
  add(expired);
  const int minute = alerts::border_minute_of_day(now_us());
  watchlist::Entry asleep = entry("stolen-lv", "IN2222");
  asleep.active_hours = watchlist::ActiveHours{(minute + 120) % 1440, (minute + 180) % 1440};
  add(asleep);
  watchlist::Entry awake = entry("stolen-lv", "AW3333");
  awake.active_hours = watchlist::ActiveHours{(minute + 1440 - 60) % 1440, (minute + 60) % 1440};
  add(awake);
  harness.start();
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  settle_subscriptions();

  deliver("EX1111", kEdgeLv, kSiteLv, now_us() - 10'000'000);
  deliver("IN2222", kEdgeLv, kSiteLv, now_us() - 10'000'000);
  deliver("AW3333", kEdgeLv, kSiteLv, now_us() - 10'000'000);
  EXPECT_EQ(vrs.for_plate("AW3333", kPatience, 1).size(), 1u);
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts"), 1);
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts WHERE plate_text IN ('EX1111', 'IN2222')"), 0);
}

TEST_F(CentralAlerts, EntryAddedWhileRunningFiresWithoutRestart) {
  harness.start();
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  settle_subscriptions();
  deliver("NW4444");
  EXPECT_TRUE(vrs.for_plate("NW4444", kQuiet).empty());

  add(entry("stolen-lv", "NW4444"));
  ASSERT_TRUE(eventually(kPatience, [&] { return harness.logged("watchlist_changes upserted=1"); }));
  deliver("NW4444");
  EXPECT_EQ(vrs.for_plate("NW4444", kPatience, 1).size(), 1u);
}

TEST_F(CentralAlerts, RestrictedHitsReachOnlyTheOwnerAndSharedOnesThePartnersToo) {
  watchlist::Entry restricted = entry("wanted-lt", "RS5555");
  restricted.visibility = watchlist::Visibility::kRestricted;
  add(restricted);
  add(entry("wanted-lt", "SH6666"));
  harness.start();
  AlertSubscriber vsat = subscriber("vsat", "");  // "everything": narrowed to vsat.
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  AlertSubscriber vrs_snooping = subscriber("vrs", "vsat.");
  settle_subscriptions();

  deliver("RS5555");
  deliver("SH6666");
  auto owner_restricted = vsat.for_plate("RS5555", kPatience, 1);
  ASSERT_EQ(owner_restricted.size(), 1u);
  EXPECT_EQ(owner_restricted[0].topic, "vsat.high");
  EXPECT_EQ(vsat.for_plate("SH6666", kPatience, 1).size(), 1u);

  auto partner = vrs.for_plate("SH6666", kPatience, 1);
  ASSERT_EQ(partner.size(), 1u);
  EXPECT_EQ(partner[0].topic, "vrs.high");
  EXPECT_EQ(partner[0].alert.agency(), "vsat");  // still owned by vsat
  EXPECT_TRUE(vrs.for_plate("RS5555", kQuiet).empty());
  EXPECT_FALSE(vrs_snooping.next(kQuiet).has_value());
  EXPECT_TRUE(harness.logged("alert_subscription_refused agency=vrs"));
}

TEST_F(CentralAlerts, UnknownSubscriberKeyGetsNothing) {
  add(entry("stolen-lv", "AB1234"));
  harness.start();
  AlertSubscriber stranger(harness.endpoints().alerts, harness.server_keys(), transport::generate_curve_key_pair(),
                           "vrs.");
  settle_subscriptions();
  deliver("AB1234");
  EXPECT_FALSE(stranger.next(kQuiet).has_value());
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts"), 1);
}

TEST_F(CentralAlerts, CrossingFromLatviaToLithuaniaIsStoredAndAlerted) {
  harness.start();
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  settle_subscriptions();
  const int64_t t0 = now_us() - 90 * kMinuteUs;
  v1::Sighting out = deliver("CR7777", kEdgeLv, kSiteLv, t0);
  v1::Sighting in = deliver("CR7777", kEdgeLt, kSiteLt, t0 + 40 * kMinuteUs);

  auto got = vrs.for_plate("CR7777", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vrs.low");
  EXPECT_EQ(got[0].alert.kind(), v1::ALERT_KIND_BORDER_CROSSING);
  ASSERT_EQ(got[0].alert.correlation().related_event_ids_size(), 1);
  EXPECT_EQ(got[0].alert.correlation().related_event_ids(0), out.event_id());
  EXPECT_NE(got[0].alert.correlation().explanation().find("LV"), std::string::npos);
  EXPECT_EQ(harness.count("SELECT count(*) FROM crossings WHERE plate_text = 'CR7777' AND from_country = 'LV'"
                          " AND to_country = 'LT' AND travel_time = interval '40 minutes' AND to_event_id = '" +
                          store::uuid_text(in.event_id()) + "'"),
            1);
}

TEST_F(CentralAlerts, ImpossibleTravelIsAlertedAndNotTakenForACrossing) {
  harness.start();
  AlertSubscriber vsat = subscriber("vsat", "vsat.");
  settle_subscriptions();
  const int64_t t0 = now_us() - 30 * kMinuteUs;
  deliver("CL8888", kEdgeLv, kSiteLv, t0);
  deliver("CL8888", kEdgeLt, kSiteFar, t0 + 5 * kMinuteUs);

  auto got = vsat.for_plate("CL8888", kPatience, 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "vsat.high");
  EXPECT_EQ(got[0].alert.kind(), v1::ALERT_KIND_IMPOSSIBLE_TRAVEL);
  EXPECT_NE(got[0].alert.correlation().explanation().find("km"), std::string::npos);
  EXPECT_EQ(harness.count("SELECT count(*) FROM crossings"), 0);
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts WHERE kind = 'impossible_travel'"), 1);
}

TEST_F(CentralAlerts, ReplayedSightingRaisesNoSecondAlert) {
  add(entry("stolen-lv", "AB1234"));
  harness.start();
  AlertSubscriber vrs = subscriber("vrs", "vrs.");
  settle_subscriptions();
  EdgeClient client(harness.endpoints().ingest, harness.server_keys(), harness.edge_keys(kEdgeLv));
  v1::Sighting s = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.deliver_all({s}, kPatience));
  client.answers().acked.clear();
  ASSERT_TRUE(client.deliver_all({s}, kPatience));
  EXPECT_EQ(vrs.for_plate("AB1234", kQuiet).size(), 1u);
  EXPECT_EQ(harness.count("SELECT count(*) FROM alerts"), 1);
}

}  // namespace
}  // namespace anpr::central::testing

namespace anpr::central::testing {
namespace {

// The publisher alone, without a server: what it does with an alert that no
// longer fits the protocol's limit once the sighting is wrapped in it.
TEST(CentralAlertPublisher, AlertTooLargeForTheLimitLosesItsOverviewImageOnly) {
  zmq::context_t context;
  transport::ZapAuthenticator subscribers(context, "anpr-alerts");
  const auto server = transport::generate_curve_key_pair();
  const auto vrs = transport::generate_curve_key_pair();
  subscribers.replace_allow_list({{vrs.public_key, "vrs"}});
  alerts::PublisherOptions options;
  options.endpoint = "tcp://127.0.0.1:*";
  options.secret_key = server.secret_key;
  alerts::AlertPublisher publisher(subscribers, options);
  AlertSubscriber sub(publisher.endpoint(), server, vrs, "vrs.");
  settle_subscriptions();

  alerts::RaisedAlert raised;
  raised.alert.set_alert_id(std::string(16, 'a'));
  raised.alert.set_kind(v1::ALERT_KIND_WATCHLIST);
  raised.alert.set_priority(v1::ALERT_PRIORITY_HIGH);
  raised.alert.set_agency("vrs");
  *raised.alert.mutable_sighting() = make_sighting("AB1234", kEdgeLv, kSiteLv, now_us());
  raised.alert.mutable_sighting()->set_overview_jpeg(std::string(proto::kMaxMessageBytes - 3000, 'o'));
  raised.audience = {"vrs"};
  ASSERT_TRUE(publisher.publish(raised));

  auto got = sub.next(kPatience);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->topic, "vrs.high");
  EXPECT_TRUE(got->alert.sighting().overview_jpeg().empty());
  EXPECT_EQ(got->alert.sighting().plate_jpeg().size(), 3072u);
  EXPECT_EQ(publisher.published(), 1u);
}

}  // namespace
}  // namespace anpr::central::testing
