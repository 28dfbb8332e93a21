// The central server's pure parts, without sockets or a database: triage and
// field rules, batching, ack planning, edge health, border time, alert
// construction and audiences, subscription policy, backoff and the
// configuration file.
#include <gtest/gtest.h>

#include "anpr/wire.h"
#include "central/alerts/alert_factory.h"
#include "central/alerts/border_time.h"
#include "central/alerts/subscription_policy.h"
#include "central/alerts/watchlist_hits.h"
#include "central/ingest/batch.h"
#include "central/ingest/edge_health.h"
#include "central/ingest/replies.h"
#include "central/ingest/sighting_rules.h"
#include "central/ingest/triage.h"
#include "central/server/backoff.h"
#include "central/server/central_config.h"
#include "central/server/edge_keys.h"
#include "common/config/config.h"
#include "common/transport/curve_keys.h"
#include "common/uuid/uuid.h"

namespace anpr {
namespace {

using namespace std::chrono_literals;

// 2026-01-15 10:00:00 UTC, winter.
constexpr int64_t kWinterUs = 1'768'471'200'000'000;
constexpr int64_t kHourUs = 3'600'000'000;

v1::Sighting good_sighting(const std::string& plate = "AB1234") {
  v1::Sighting s;
  s.set_event_id(uuid::v7(kWinterUs / 1000));
  s.set_edge_id("edge-1");
  s.set_camera_id("cam-1");
  s.set_site_id("lv-grebneva");
  s.set_captured_at_us(kWinterUs);
  s.set_plate_text(plate);
  s.set_plate_country("LV");
  s.set_read_confidence(0.9f);
  s.set_country_confidence(0.8f);
  return s;
}

std::string envelope_bytes(const v1::Sighting& s, uint64_t message_id = 5) {
  v1::Envelope e;
  e.set_schema_version(proto::kSchemaVersion);
  e.set_message_id(message_id);
  *e.mutable_sighting() = s;
  return proto::encode(e);
}

ingest::Triage triage(const std::string& bytes, const std::string& peer = "edge-1") {
  return ingest::triage(bytes, peer, store::CaptureWindow{}, kWinterUs);
}

v1::Reject rejected(const ingest::Triage& t) {
  if (!std::holds_alternative<ingest::Refused>(t)) throw std::runtime_error("message was not refused");
  return std::get<ingest::Refused>(t).reject;
}

TEST(CentralTriage, AcceptsAGoodSightingWithItsMessageId) {
  auto t = triage(envelope_bytes(good_sighting(), 9));
  ASSERT_TRUE(std::holds_alternative<ingest::AcceptedSighting>(t));
  EXPECT_EQ(std::get<ingest::AcceptedSighting>(t).message_id, 9u);
  EXPECT_EQ(std::get<ingest::AcceptedSighting>(t).sighting.plate_text(), "AB1234");
}

TEST(CentralTriage, MapsEveryDecodeFailureToItsRejectReason) {
  EXPECT_EQ(rejected(triage("\xff\xff not protobuf")).reason(), v1::REJECT_REASON_MALFORMED);
  EXPECT_EQ(rejected(triage("\xff\xff not protobuf")).message_id(), 0u);
  EXPECT_EQ(rejected(triage(std::string(proto::kMaxMessageBytes + 1, '\0'))).reason(), v1::REJECT_REASON_TOO_LARGE);

  v1::Envelope old;
  old.set_schema_version(7);
  old.set_message_id(42);
  const v1::Reject version = rejected(triage(old.SerializeAsString()));
  EXPECT_EQ(version.reason(), v1::REJECT_REASON_UNSUPPORTED_VERSION);
  EXPECT_EQ(version.message_id(), 42u);
  EXPECT_EQ(version.event_ids_size(), 0);  // the edge must keep spooling, not dead-letter

  v1::Envelope empty;
  empty.set_schema_version(proto::kSchemaVersion);
  empty.set_message_id(43);
  EXPECT_EQ(rejected(triage(empty.SerializeAsString())).reason(), v1::REJECT_REASON_UNKNOWN_BODY);
}

TEST(CentralTriage, RefusesBodiesOnlyCentralSends) {
  v1::Envelope ack;
  ack.set_schema_version(proto::kSchemaVersion);
  ack.set_message_id(3);
  ack.mutable_ack()->add_event_ids(std::string(16, 'x'));
  const v1::Reject r = rejected(triage(proto::encode(ack)));
  EXPECT_EQ(r.reason(), v1::REJECT_REASON_NOT_ACCEPTED);
  EXPECT_EQ(r.message_id(), 3u);
}

TEST(CentralTriage, WrongSenderNamesTheEventAndBothEdges) {
  const v1::Sighting s = good_sighting();
  const v1::Reject r = rejected(triage(envelope_bytes(s), "edge-2"));
  EXPECT_EQ(r.reason(), v1::REJECT_REASON_WRONG_SENDER);
  ASSERT_EQ(r.event_ids_size(), 1);
  EXPECT_EQ(r.event_ids(0), s.event_id());
  EXPECT_NE(r.detail().find("edge-1"), std::string::npos);
  EXPECT_NE(r.detail().find("edge-2"), std::string::npos);
}

TEST(CentralTriage, HeartbeatFromItsEdgeIsAcceptedFromAnotherRefused) {
  v1::Envelope e;
  e.set_schema_version(proto::kSchemaVersion);
  e.mutable_heartbeat()->set_edge_id("edge-1");
  EXPECT_TRUE(std::holds_alternative<ingest::AcceptedHeartbeat>(triage(proto::encode(e))));
  EXPECT_EQ(rejected(triage(proto::encode(e), "edge-9")).reason(), v1::REJECT_REASON_WRONG_SENDER);
}

struct Spoil {
  const char* field;  // expected in the detail
  void (*apply)(v1::Sighting&);
};

TEST(CentralSightingRules, EachFieldRuleRefusesWithInvalidField) {
  const Spoil spoils[] = {
      {"event_id", [](v1::Sighting& s) { s.set_event_id("short"); }},
      {"camera_id", [](v1::Sighting& s) { s.clear_camera_id(); }},
      {"site_id", [](v1::Sighting& s) { s.clear_site_id(); }},
      {"plate_text", [](v1::Sighting& s) { s.clear_plate_text(); }},
      {"plate_text", [](v1::Sighting& s) { s.set_plate_text("AB-1234"); }},
      {"captured_at_us", [](v1::Sighting& s) { s.set_captured_at_us(0); }},
      {"captured_at_us", [](v1::Sighting& s) { s.set_captured_at_us(kWinterUs + 25 * kHourUs); }},
      {"captured_at_us", [](v1::Sighting& s) { s.set_captured_at_us(kWinterUs - 91 * 24 * kHourUs); }},
      {"read_confidence", [](v1::Sighting& s) { s.set_read_confidence(-0.1f); }},
      {"country_confidence", [](v1::Sighting& s) { s.set_country_confidence(1.01f); }},
      {"candidates[0]", [](v1::Sighting& s) { s.add_candidates()->set_confidence(2.0f); }},
      {"plate_country", [](v1::Sighting& s) { s.set_plate_country("lv"); }},
      {"plate_corners", [](v1::Sighting& s) { s.add_plate_corners(); }},
      {"plate_display", [](v1::Sighting& s) { s.set_plate_display(std::string("A\0B", 3)); }},
  };
  for (const Spoil& spoil : spoils) {
    v1::Sighting s = good_sighting();
    spoil.apply(s);
    auto problem = ingest::sighting_problem(s, "edge-1", store::CaptureWindow{}, kWinterUs);
    ASSERT_TRUE(problem.has_value()) << spoil.field;
    EXPECT_EQ(problem->reason, v1::REJECT_REASON_INVALID_FIELD) << spoil.field;
    EXPECT_NE(problem->detail.find(spoil.field), std::string::npos) << problem->detail;
  }
  EXPECT_FALSE(ingest::sighting_problem(good_sighting(), "edge-1", store::CaptureWindow{}, kWinterUs).has_value());
}

ingest::PendingSighting pending(const std::string& routing, const v1::Sighting& s, uint64_t message_id = 1) {
  return {routing, "edge-" + routing, message_id, s};
}

TEST(CentralBatcher, IsReadyWhenFullOrWhenTheFirstSightingHasWaitedLongEnough) {
  ingest::Batcher batcher({3, 20ms});
  const auto t0 = ingest::Batcher::Clock::now();
  EXPECT_FALSE(batcher.ready(t0));
  EXPECT_FALSE(batcher.deadline().has_value());
  batcher.add(pending("a", good_sighting()), t0);
  batcher.add(pending("a", good_sighting()), t0 + 15ms);
  EXPECT_FALSE(batcher.ready(t0 + 19ms));
  EXPECT_EQ(*batcher.deadline(), t0 + 20ms);
  EXPECT_TRUE(batcher.ready(t0 + 20ms));
  batcher.add(pending("a", good_sighting()), t0 + 16ms);
  EXPECT_TRUE(batcher.ready(t0 + 16ms));
  EXPECT_EQ(batcher.take().size(), 3u);
  EXPECT_TRUE(batcher.empty());
  EXPECT_THROW(ingest::Batcher({0, 20ms}), std::invalid_argument);
}

TEST(CentralReplies, AckEachConnectionItsStoredAndDuplicateSightingsOnceAndRejectTheRest) {
  const v1::Sighting a = good_sighting(), b = good_sighting(), c = good_sighting(), d = good_sighting();
  std::vector<ingest::PendingSighting> batch{pending("r1", a), pending("r2", b), pending("r1", c, 7),
                                             pending("r1", a), pending("r2", d)};
  store::BatchResult result;
  result.stored = {a.event_id(), b.event_id()};
  result.duplicates = {a.event_id()};
  result.rejected = {{c.event_id(), "captured_at_us is outside the accepted window"}};
  // d is neither: not committed (this cannot happen after a commit, but must not be acked).

  std::vector<ingest::Reply> replies = ingest::replies_for(batch, result);
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].routing_id, "r1");
  ASSERT_EQ(replies[0].envelope.ack().event_ids_size(), 1);
  EXPECT_EQ(replies[0].envelope.ack().event_ids(0), a.event_id());
  EXPECT_EQ(replies[1].routing_id, "r2");
  ASSERT_EQ(replies[1].envelope.ack().event_ids_size(), 1);
  EXPECT_EQ(replies[1].envelope.ack().event_ids(0), b.event_id());
  ASSERT_TRUE(replies[2].envelope.has_reject());
  EXPECT_EQ(replies[2].routing_id, "r1");
  EXPECT_EQ(replies[2].envelope.reject().message_id(), 7u);
  EXPECT_EQ(replies[2].envelope.reject().reason(), v1::REJECT_REASON_INVALID_FIELD);
  EXPECT_EQ(replies[2].envelope.reject().event_ids(0), c.event_id());
}

v1::Heartbeat heartbeat(uint64_t uptime, v1::CameraState camera_state) {
  v1::Heartbeat hb;
  hb.set_edge_id("edge-1");
  hb.set_uptime_s(uptime);
  auto* camera = hb.add_cameras();
  camera->set_camera_id("cam-1");
  camera->set_state(camera_state);
  return hb;
}

TEST(CentralEdgeHealth, ReportsUpRestartCameraChangesAndStaleOnceEach) {
  using Kind = ingest::HealthChange::Kind;
  ingest::EdgeHealth health(30s);
  const auto t0 = ingest::EdgeHealth::Clock::now();
  auto changes = health.on_heartbeat(heartbeat(100, v1::CAMERA_STATE_STREAMING), t0);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].kind, Kind::kUp);
  EXPECT_EQ(changes[1].kind, Kind::kCamera);
  EXPECT_TRUE(health.on_heartbeat(heartbeat(110, v1::CAMERA_STATE_STREAMING), t0 + 10s).empty());
  changes = health.on_heartbeat(heartbeat(120, v1::CAMERA_STATE_FAILED), t0 + 20s);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].camera_id, "cam-1");
  EXPECT_NE(changes[0].detail.find("state=failed"), std::string::npos);
  changes = health.on_heartbeat(heartbeat(5, v1::CAMERA_STATE_FAILED), t0 + 30s);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, Kind::kRestarted);

  EXPECT_TRUE(health.sweep(t0 + 59s).empty());
  changes = health.sweep(t0 + 61s);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, Kind::kStale);
  EXPECT_TRUE(health.sweep(t0 + 90s).empty());
  EXPECT_TRUE(health.snapshot()[0].stale);
  changes = health.on_heartbeat(heartbeat(40, v1::CAMERA_STATE_STREAMING), t0 + 95s);
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes[0].kind, Kind::kUp);
}

TEST(CentralBorderTime, FollowsTheEuSummerTimeRule) {
  EXPECT_EQ(alerts::border_utc_offset_us(kWinterUs), 2 * kHourUs);
  EXPECT_EQ(alerts::border_minute_of_day(kWinterUs), 12 * 60);  // 10:00 UTC = 12:00 in Riga
  // Summer time in 2026 runs from 29 March 01:00 UTC to 25 October 01:00 UTC.
  constexpr int64_t kMarch29 = 1'774'742'400'000'000;  // 2026-03-29 00:00 UTC
  constexpr int64_t kOctober25 = 1'792'886'400'000'000;  // 2026-10-25 00:00 UTC
  EXPECT_EQ(alerts::border_utc_offset_us(kMarch29 + kHourUs - 1), 2 * kHourUs);
  EXPECT_EQ(alerts::border_utc_offset_us(kMarch29 + kHourUs), 3 * kHourUs);
  EXPECT_EQ(alerts::border_utc_offset_us(kOctober25 + kHourUs - 1), 3 * kHourUs);
  EXPECT_EQ(alerts::border_utc_offset_us(kOctober25 + kHourUs), 2 * kHourUs);
  EXPECT_EQ(alerts::border_minute_of_day(kOctober25 - kHourUs), 2 * 60);  // 23:00 UTC = 02:00 EEST
  EXPECT_EQ(alerts::border_minute_of_day(-1), 2 * 60 - 1);                 // 1970: 01:59 local
}

TEST(CentralAlertPolicy, TopicsAndAudiences) {
  EXPECT_EQ(alerts::topic("vrs", v1::ALERT_PRIORITY_CRITICAL), "vrs.critical");
  EXPECT_EQ(alerts::topic("lp", v1::ALERT_PRIORITY_LOW), "lp.low");
  EXPECT_THROW(alerts::priority_name(v1::ALERT_PRIORITY_UNSPECIFIED), std::invalid_argument);
  alerts::AlertPolicy policy;
  policy.partners = {"vrs", "vsat", "lp"};
  EXPECT_EQ(alerts::shared_audience("vsat", policy), (std::vector<std::string>{"vsat", "vrs", "lp"}));
  EXPECT_EQ(alerts::shared_audience("vp", policy), (std::vector<std::string>{"vp", "vrs", "vsat", "lp"}));
}

TEST(CentralSubscriptionPolicy, GrantsAnAgencyItsOwnTopicsOnly) {
  EXPECT_EQ(alerts::granted_subscription("vrs", "vrs."), "vrs.");
  EXPECT_EQ(alerts::granted_subscription("vrs", "vrs.critical"), "vrs.critical");
  EXPECT_EQ(alerts::granted_subscription("vrs", ""), "vrs.");
  EXPECT_EQ(alerts::granted_subscription("vrs", "vr"), "vrs.");
  EXPECT_EQ(alerts::granted_subscription("vrs", "vrs"), "vrs.");
  EXPECT_FALSE(alerts::granted_subscription("vrs", "vsat.").has_value());
  EXPECT_FALSE(alerts::granted_subscription("vrs", "vrs-ops.").has_value());
  EXPECT_FALSE(alerts::granted_subscription("", "").has_value());
}

watchlist::Entry entry(int64_t id, const std::string& pattern, int priority) {
  watchlist::Entry e;
  e.id = id;
  e.list = "stolen-lv";
  e.pattern = pattern;
  e.priority = priority;
  e.agency = "vp";
  e.reason = "stolen";
  return e;
}

TEST(CentralWatchlistHits, MatchesCandidatesTooAndReportsEachEntryOnceByPriority) {
  watchlist::Index index;
  index.upsert(entry(1, "AB1234", 2));
  index.upsert(entry(2, "AB*", 4));
  index.upsert(entry(3, "CD9999", 3));
  v1::Sighting s = good_sighting("AB1234");
  s.add_candidates()->set_text("AB1234");
  s.add_candidates()->set_text("CD9999");
  s.add_candidates()->set_text("cd-9999");  // not normalised: ignored
  auto hits = alerts::watchlist_hits(index, s);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].entry->id, 2);
  EXPECT_EQ(hits[1].entry->id, 3);
  EXPECT_EQ(hits[2].entry->id, 1);
  EXPECT_EQ(alerts::match_distance({true, 2, 1}), 2.0f);
}

TEST(CentralAlertFactory, RestrictedHitsGoToTheOwnerAndSharedOnesToPartners) {
  alerts::AlertPolicy policy;
  policy.partners = {"vrs", "vsat"};
  watchlist::Entry restricted = entry(7, "AB1234", 4);
  restricted.visibility = watchlist::Visibility::kRestricted;
  watchlist::Entry shared = entry(8, "AB1234", 1);
  std::vector<watchlist::Hit> hits{{std::make_shared<const watchlist::Entry>(restricted), {true, 0, 0}},
                                   {std::make_shared<const watchlist::Entry>(shared), {true, 1, 0}}};
  const v1::Sighting s = good_sighting();
  auto raised = alerts::alerts_for_hits(s, hits, policy, kWinterUs);
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].audience, std::vector<std::string>{"vp"});
  EXPECT_EQ(raised[1].audience, (std::vector<std::string>{"vp", "vrs", "vsat"}));
  EXPECT_EQ(raised[0].alert.priority(), v1::ALERT_PRIORITY_CRITICAL);
  EXPECT_EQ(raised[0].alert.watchlist().entry_id(), "7");
  EXPECT_EQ(raised[1].alert.match_distance(), 0.5f);
  EXPECT_EQ(raised[0].alert.raised_at_us(), kWinterUs);
  EXPECT_NE(raised[0].alert.alert_id(), raised[1].alert.alert_id());
  EXPECT_EQ(raised[0].alert.sighting().event_id(), s.event_id());
}

TEST(CentralAlertFactory, FindingsRaiseAlertsOnlyWhereThePolicyNamesAnAgency) {
  const v1::Sighting s = good_sighting();
  correlate::Findings findings;
  findings.crossing = correlate::Crossing{"AB1234", "prev", "lv-1", "LV", kWinterUs - kHourUs,
                                          s.event_id(), "lt-1", "LT", kWinterUs};
  correlate::RuleHit rule;
  rule.rule_id = "ru-entry";
  rule.rule_name = "RU entry";
  rule.priority = correlate::Priority::kHigh;
  rule.agency = "vrs";
  rule.explanation = "plate RU";
  findings.rule_hits.push_back(rule);
  alerts::AlertPolicy policy;
  EXPECT_EQ(alerts::alerts_for_findings(s, findings, policy, kWinterUs).size(), 1u);  // the rule only

  policy.crossing = {"vsat", v1::ALERT_PRIORITY_LOW};
  auto raised = alerts::alerts_for_findings(s, findings, policy, kWinterUs);
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].alert.kind(), v1::ALERT_KIND_BORDER_CROSSING);
  EXPECT_EQ(raised[0].alert.correlation().related_event_ids(0), "prev");
  EXPECT_EQ(raised[1].alert.kind(), v1::ALERT_KIND_CORRELATION_RULE);
  EXPECT_EQ(raised[1].audience, std::vector<std::string>{"vrs"});
  EXPECT_EQ(raised[1].alert.priority(), v1::ALERT_PRIORITY_HIGH);
  EXPECT_EQ(alerts::kind_name(v1::ALERT_KIND_CORRELATION_RULE), "correlation_rule");
}

TEST(CentralBackoff, DoublesUpToTheCapAndStartsOverAfterReset) {
  central::Backoff backoff(100ms, 350ms);
  EXPECT_EQ(backoff.next(), 100ms);
  EXPECT_EQ(backoff.next(), 200ms);
  EXPECT_EQ(backoff.next(), 350ms);
  EXPECT_EQ(backoff.next(), 350ms);
  backoff.reset();
  EXPECT_EQ(backoff.next(), 100ms);
  EXPECT_THROW(central::Backoff(0ms, 1s), std::invalid_argument);
}

TEST(CentralAllowList, ConfiguredKeysWinOverEnrolledOnes) {
  auto list = central::merge_allow_list({{"K1", "edge-a"}}, {{"K1", "edge-b"}, {"K2", "edge-c"}});
  EXPECT_EQ(list.size(), 2u);
  EXPECT_EQ(list.at("K1"), "edge-a");
  EXPECT_EQ(list.at("K2"), "edge-c");
}

const std::string kMinimalConfig =
    "database: {conninfo: \"dbname=anpr\"}\n"
    "listen: {secret_key_file: /etc/anpr/keys/central.key_secret}\n";

std::string config_error(const std::string& text) {
  try {
    central::parse_central_config(text, "central.yaml");
  } catch (const config::ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(CentralConfig, MinimalFileGetsWorkingDefaults) {
  central::CentralConfig c = central::parse_central_config(kMinimalConfig, "central.yaml");
  EXPECT_EQ(c.listen_endpoint, "tcp://0.0.0.0:7100");
  EXPECT_EQ(c.alert_endpoint, "tcp://0.0.0.0:7101");
  EXPECT_EQ(c.alert_secret_key_file, c.secret_key_file);
  EXPECT_EQ(c.max_message_bytes, proto::kMaxMessageBytes);
  EXPECT_EQ(c.batch.max_sightings, 500u);
  EXPECT_EQ(c.batch.max_delay, 20ms);
  EXPECT_EQ(c.writers, 2u);
  EXPECT_EQ(c.evidence.dir, "/var/lib/anpr-central/evidence");
  EXPECT_EQ(c.evidence.segment_bytes, 256u << 20);
  EXPECT_EQ(c.watchlist_poll, 1s);
  EXPECT_TRUE(c.policy.crossing.agency.empty());
  EXPECT_EQ(c.policy.impossible_travel.priority, v1::ALERT_PRIORITY_HIGH);
}

TEST(CentralConfig, ReadsKeysSitesAndAlertPolicy) {
  const std::string key = transport::generate_curve_key_pair().public_key;
  central::CentralConfig c = central::parse_central_config(
      kMinimalConfig + "edges: {keys: [{edge_id: edge-1, public_key: \"" + key + "\"}]}\n" +
          "alerts: {partners: [vrs, lp], border_crossing: {agency: vrs, priority: medium}}\n"
          "sites: [{id: lv-1, country: LV, name: One, lat: 56.9, lon: 27.9}]\n",
      "central.yaml");
  ASSERT_EQ(c.edge_keys.size(), 1u);
  EXPECT_EQ(c.edge_keys[0].name, "edge-1");
  EXPECT_EQ(c.policy.partners, (std::vector<std::string>{"vrs", "lp"}));
  EXPECT_EQ(c.policy.crossing.agency, "vrs");
  EXPECT_EQ(c.policy.crossing.priority, v1::ALERT_PRIORITY_MEDIUM);
  EXPECT_EQ(c.site_ids, std::vector<std::string>{"lv-1"});
  EXPECT_NE(c.correlation.sites.find("lv-1"), nullptr);
}

TEST(CentralConfig, ErrorsNameTheKey) {
  EXPECT_NE(config_error("listen: {secret_key_file: x}\n").find("database.conninfo"), std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "batch: {max_sighting: 10}\n").find("batch.max_sighting"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "batch: {max_sightings: 0}\n").find("batch.max_sightings"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "batch: {writers: 0}\n").find("batch.writers"), std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "batch: {writers: 9}\n").find("batch.writers"), std::string::npos);
  EXPECT_NE(config_error("database: {conninfo: x}\nlisten: {secret_key_file: x, max_message_bytes: 2MiB}\n")
                .find("listen.max_message_bytes"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "alerts: {border_crossing: {agency: vrs, priority: urgent}}\n")
                .find("alerts.border_crossing.priority"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "edges: {keys: [{edge_id: e1, public_key: tooshort}]}\n")
                .find("edges.keys[0].public_key"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "alerts: {partners: [VRS]}\n").find("alerts.partners"), std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "evidence: {dir: evidence}\n").find("evidence.dir: must be an absolute path"),
            std::string::npos);
  EXPECT_NE(config_error(kMinimalConfig + "evidence: {segment_size: 64KiB}\n").find("evidence.segment_size"),
            std::string::npos);
  EXPECT_NE(config_error("database: {conninfo: x, reconnect_min: 5s, reconnect_max: 1s}\n"
                         "listen: {secret_key_file: x}\n")
                .find("database.reconnect_max"),
            std::string::npos);
}

}  // namespace
}  // namespace anpr
