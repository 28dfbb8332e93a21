// The live alert feed; see alert_follow.h. The loop wakes every 200 ms so
// that a signal stops it promptly even while no alert arrives.
#include "central/cli/alert_follow.h"

#include <cerrno>
#include <chrono>
#include <csignal>

#include <zmq.hpp>

#include "anpr/wire.h"
#include "central/cli/alert_line.h"
#include "central/cli/cli_errors.h"
#include "common/transport/key_files.h"
#include "common/transport/socket_common.h"

namespace anpr::cli {

namespace {

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int) { stop_requested = 1; }

// Routes SIGINT and SIGTERM to request_stop while it lives, without
// SA_RESTART so that a blocking poll returns at once; restores the previous
// handlers afterwards.
class StopOnSignals {
 public:
  StopOnSignals() {
    stop_requested = 0;
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  ~StopOnSignals() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

void configure_security(zmq::socket_t& socket, const Arguments& args, Session& s) {
  const std::optional<std::string> server_key = args.value("server-key");
  const std::optional<std::string> key = args.value("key");
  if (!server_key && !key) {
    if (!args.flag("plaintext")) {
      throw UsageError("give --server-key (the central's .key) and --key (your .key_secret); "
                       "--plaintext reads an unencrypted feed, for local testing only");
    }
    s.err << "anpr-cli: warning: reading the alert feed NOT ENCRYPTED and NOT AUTHENTICATED (--plaintext)\n";
    return;
  }
  if (!server_key || !key) throw UsageError("--server-key and --key go together");
  if (args.flag("plaintext")) throw UsageError("--plaintext contradicts --server-key and --key");
  const transport::CurveKeyPair mine = transport::load_key_pair(*key);
  socket.set(zmq::sockopt::curve_serverkey, transport::load_public_key(*server_key));
  socket.set(zmq::sockopt::curve_publickey, mine.public_key);
  socket.set(zmq::sockopt::curve_secretkey, mine.secret_key);
}

// Prints the alert a [topic, envelope] message carries; anything else is
// reported on stderr and skipped, since one bad message must not end the
// feed.
void show(const std::vector<zmq::message_t>& frames, Session& s) {
  if (frames.size() != 2) {
    s.err << "anpr-cli: skipped a message of " << frames.size() << " frames (expected topic and envelope)\n";
    return;
  }
  try {
    const v1::Envelope envelope = proto::decode(frames[1].to_string_view());
    if (!envelope.has_alert()) {
      s.err << "anpr-cli: skipped an envelope without an alert\n";
      return;
    }
    s.out << alert_line(envelope.alert()) << std::endl;
  } catch (const proto::WireError& e) {
    s.err << "anpr-cli: skipped a message: " << e.what() << "\n";
  }
}

}  // namespace

int follow_alerts(const Arguments& args, Session& s) {
  if (!args.flag("follow")) throw UsageError("alerts needs --follow for the live feed, or: alerts list, alerts decide");
  const std::string endpoint = args.required("endpoint", "the central's alert PUB endpoint, e.g. tcp://central:7101");

  zmq::context_t context;
  zmq::socket_t socket(context, zmq::socket_type::sub);
  configure_security(socket, args, s);
  socket.set(zmq::sockopt::maxmsgsize, static_cast<int64_t>(proto::kMaxMessageBytes));
  socket.set(zmq::sockopt::linger, 0);
  transport::set_heartbeats(socket, std::chrono::seconds(10), std::chrono::seconds(30));
  socket.set(zmq::sockopt::subscribe, args.value("topic").value_or(""));
  try {
    socket.connect(endpoint);
  } catch (const zmq::error_t& e) {
    throw CommandError("cannot connect to the alert feed " + endpoint + ": " + e.what());
  }

  StopOnSignals signals;
  while (!stop_requested) {
    try {
      if (transport::wait_for(socket, ZMQ_POLLIN, std::chrono::milliseconds(200))) {
        show(transport::receive_frames(socket), s);
      }
    } catch (const zmq::error_t& e) {
      if (e.num() != EINTR) throw CommandError("alert feed " + endpoint + ": " + e.what());
    }
  }
  return 0;
}

}  // namespace anpr::cli
