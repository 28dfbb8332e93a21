// anpr-cli alerts: stored alerts listed with their latest decision, decisions
// recorded with an audit row, and the live PUB feed followed over CurveZMQ on
// 127.0.0.1 until Ctrl-C.
#include <signal.h>

#include <gtest/gtest.h>

#include <thread>

#include <pqxx/nontransaction>
#include <zmq.hpp>

#include "anpr/wire.h"
#include "central/cli/alert_line.h"
#include "common/transport/curve_keys.h"
#include "common/transport/key_files.h"
#include "common/uuid/uuid.h"
#include "tests/integration/cli/cli_fixture.h"

namespace anpr::cli::testing {
namespace {

constexpr const char* kAlertId = "0190f1c2-7a3b-7c4d-8e5f-0123456789ab";

class AlertsCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    pqxx::nontransaction tx(*conn_);
    tx.exec0("INSERT INTO sighting_ids (event_id, captured_at) VALUES ('0190f1c2-0000-7000-8000-000000000001', now())");
    tx.exec0(std::string("INSERT INTO alerts (alert_id, kind, priority, agency, raised_at, event_id, plate_text,"
                         " site_id, listed_plate, reason, match_distance) VALUES ('") +
             kAlertId +
             "', 'watchlist', 3, 'vp', '2026-11-25 08:00:03+00', '0190f1c2-0000-7000-8000-000000000001',"
             " 'AB1234', 'lv-terehova', 'AB1234', 'stolen', 0.5)");
  }
};

TEST_F(AlertsCli, ListAndDecide) {
  CliResult list = cli({"alerts", "list", "--csv"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("2026-11-25T08:00:03Z,high,watchlist,AB1234,lv-terehova,(deleted)#-,0.50,vp,," +
                          std::string(kAlertId)),
            std::string::npos)
      << list.out;

  EXPECT_EQ(cli({"alerts", "decide", kAlertId, "accept"}).exit_code, 2);  // no --reason
  EXPECT_EQ(cli({"alerts", "decide", "not-a-uuid", "accept", "--reason", "r"}).exit_code, 2);
  EXPECT_EQ(cli({"alerts", "decide", kAlertId, "maybe", "--reason", "r"}).exit_code, 2);
  CliResult unknown = cli({"alerts", "decide", "0190f1c2-7a3b-7c4d-8e5f-000000000000", "reject", "--reason", "r"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no alert"), std::string::npos) << unknown.err;
  EXPECT_EQ(count("SELECT count(*) FROM alert_dispositions"), 0);

  ASSERT_EQ(cli({"alerts", "decide", kAlertId, "reject", "--reason", "misread: AB1284"}, "bob").exit_code, 0);
  CliResult decided = cli({"alerts", "decide", kAlertId, "accept", "--reason", "stopped at gate, confirmed"}, "carol");
  ASSERT_EQ(decided.exit_code, 0) << decided.err;
  EXPECT_EQ(decided.out, std::string("accepted alert ") + kAlertId + "\n");

  CliResult after = cli({"alerts", "list", "--agency", "vp", "--since", "2026-11-25"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("accepted by carol"), std::string::npos) << after.out;
  CliResult other_agency = cli({"alerts", "list", "--agency", "vrs"});
  EXPECT_EQ(other_agency.out.find("AB1234"), std::string::npos) << other_agency.out;

  EXPECT_EQ(scalar("SELECT string_agg(decision || ':' || decided_by, ',' ORDER BY disposition_id)"
                   " FROM alert_dispositions"),
            "rejected:bob,accepted:carol");
  EXPECT_EQ(scalar("SELECT string_agg(actor || ':' || action || ':' || subject_plate || ':' || reason, ','"
                   " ORDER BY audit_id) FROM audit_log"),
            "bob:alert_decision:AB1234:misread: AB1284,carol:alert_decision:AB1234:stopped at gate, confirmed");
}

TEST_F(AlertsCli, AuditListsSearchesAndDecisions) {
  ASSERT_EQ(cli({"history", "AB1234", "--reason", "case 7"}, "inspector").exit_code, 0);
  ASSERT_EQ(cli({"alerts", "decide", kAlertId, "accept", "--reason", "confirmed"}, "carol").exit_code, 0);

  CliResult all = cli({"audit", "--csv"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_LT(all.out.find("carol,alert_decision"), all.out.find("inspector,plate_history")) << all.out;
  CliResult by_actor = cli({"audit", "--actor", "inspector"});
  EXPECT_NE(by_actor.out.find("case 7"), std::string::npos) << by_actor.out;
  EXPECT_EQ(by_actor.out.find("confirmed"), std::string::npos) << by_actor.out;
  CliResult by_plate = cli({"audit", "--plate", "ab-1234", "--since", "2020-01-01", "--limit", "1"});
  EXPECT_NE(by_plate.out.find("alert_decision"), std::string::npos) << by_plate.out;
  EXPECT_EQ(by_plate.out.find("plate_history"), std::string::npos) << by_plate.out;
  EXPECT_EQ(cli({"audit", "--since", "last week"}).exit_code, 2);
}

v1::Alert sample_alert(const std::string& agency) {
  v1::Alert alert;
  alert.set_alert_id(*uuid::from_text(kAlertId));
  alert.set_kind(v1::ALERT_KIND_WATCHLIST);
  alert.set_priority(v1::ALERT_PRIORITY_CRITICAL);
  alert.set_agency(agency);
  alert.set_raised_at_us(1'795'593'603'000'000);
  alert.mutable_sighting()->set_plate_text("AB1234");
  alert.mutable_sighting()->set_site_id("lv-terehova");
  alert.mutable_watchlist()->set_watchlist_id("stolen-lv");
  alert.mutable_watchlist()->set_entry_id("42");
  alert.mutable_watchlist()->set_listed_plate("AB1234");
  alert.set_match_distance(0.5f);
  return alert;
}

void publish(zmq::socket_t& pub, const std::string& topic, const v1::Alert& alert) {
  v1::Envelope envelope;
  envelope.set_schema_version(proto::kSchemaVersion);
  *envelope.mutable_alert() = alert;
  pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
  pub.send(zmq::buffer(proto::encode(envelope)), zmq::send_flags::none);
}

TEST_F(AlertsCli, FollowPrintsTheSubscribedAlertsUntilInterrupted) {
  const transport::CurveKeyPair central = transport::generate_curve_key_pair();
  const transport::CurveKeyPair dispatcher = transport::generate_curve_key_pair();
  transport::save_key_pair(central, scratch(""), "central", false);
  transport::save_key_pair(dispatcher, scratch(""), "dispatcher", false);

  zmq::context_t context;
  zmq::socket_t pub(context, zmq::socket_type::pub);
  pub.set(zmq::sockopt::curve_server, true);
  pub.set(zmq::sockopt::curve_secretkey, central.secret_key);
  pub.set(zmq::sockopt::linger, 0);
  pub.bind("tcp://127.0.0.1:*");
  const std::string endpoint = pub.get(zmq::sockopt::last_endpoint);

  CliProcess follower({"alerts", "--follow", "--endpoint", endpoint, "--topic", "vp.", "--server-key",
                       scratch("central.key"), "--key", scratch("dispatcher.key_secret")});
  const v1::Alert mine = sample_alert("vp");
  // PUB drops messages until the subscription has arrived, so keep
  // publishing until the first line shows.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (follower.output_so_far().find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    publish(pub, "vrs.critical", sample_alert("vrs"));
    publish(pub, "vp.critical", mine);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  follower.signal(SIGINT);
  const CliResult result = follower.wait(std::chrono::seconds(10));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  ASSERT_FALSE(result.out.empty()) << result.err;
  const std::string first_line = result.out.substr(0, result.out.find('\n'));
  EXPECT_EQ(first_line, alert_line(mine));
  EXPECT_EQ(first_line,
            "2026-11-25T08:00:03Z critical watchlist AB1234 site=lv-terehova list=stolen-lv entry=42 listed=AB1234"
            " distance=0.50 agency=vp id=" + std::string(kAlertId));
  EXPECT_EQ(result.out.find("agency=vrs"), std::string::npos) << result.out;
}

TEST_F(AlertsCli, FollowRefusesToReadInTheClearUnlessAsked) {
  CliResult r = cli({"alerts", "--follow", "--endpoint", "tcp://127.0.0.1:1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--plaintext"), std::string::npos) << r.err;
  EXPECT_EQ(cli({"alerts", "--endpoint", "tcp://127.0.0.1:1", "--plaintext"}).exit_code, 2);  // no --follow
  write_file("central.key", "not a key\n");
  EXPECT_EQ(cli({"alerts", "--follow", "--endpoint", "tcp://127.0.0.1:1", "--server-key", scratch("central.key"),
                 "--key", scratch("central.key")})
                .exit_code,
            1);
}

}  // namespace
}  // namespace anpr::cli::testing
