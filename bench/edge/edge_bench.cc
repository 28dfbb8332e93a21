// anpr-edge-bench: what one camera costs an edge box. Runs the real
// EdgeDaemon in this process with one camera, delivering to a plaintext
// acking stand-in for central on loopback, lets it warm up, then measures
// for a while: frames per second in and through recognition, process CPU as
// a share of one core, peak resident memory, and the latency from a plate's
// first frame to its sighting being sent, and frames recognition reads per
// second of its own CPU time (a figure a busy shared machine does not
// distort the way wall-clock rates are). docs/edge.md quotes its figures;
// bench/edge/run-edge-bench.sh runs the standard set.
//
//   anpr-edge-bench --url URL [--label TEXT] [--seconds 30] [--warmup 5]
//                   [--workers 1] [--max-fps 25] [--header]
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <zmq.hpp>

#include "anpr/wire.h"
#include "common/log/log.h"
#include "edge/daemon/daemon_signals.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/edge_daemon.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Arguments {
  std::string url;
  std::string label = "camera";
  double seconds = 30;
  double warmup = 5;
  int workers = 1;
  double max_fps = 25;
  bool header = false;
};

[[noreturn]] void usage(const char* problem) {
  std::fprintf(stderr,
               "anpr-edge-bench: %s\nusage: anpr-edge-bench --url URL [--label TEXT] [--seconds 30] [--warmup 5] "
               "[--workers 1] [--max-fps 25] [--header]\n",
               problem);
  std::exit(2);
}

Arguments parse(int argc, char** argv) {
  Arguments a;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&] {
      if (i + 1 >= argc) usage((arg + " needs a value").c_str());
      return std::string(argv[++i]);
    };
    if (arg == "--url") a.url = value();
    else if (arg == "--label") a.label = value();
    else if (arg == "--seconds") a.seconds = std::stod(value());
    else if (arg == "--warmup") a.warmup = std::stod(value());
    else if (arg == "--workers") a.workers = std::stoi(value());
    else if (arg == "--max-fps") a.max_fps = std::stod(value());
    else if (arg == "--header") a.header = true;
    else usage(("unknown argument " + arg).c_str());
  }
  if (a.url.empty()) usage("--url is required");
  return a;
}

// Central as far as the sender can tell: a plaintext ROUTER that acks every
// sighting at once (no database behind it), so the figures are the edge's.
class AckingCentral {
 public:
  AckingCentral() {
    router_.set(zmq::sockopt::rcvtimeo, 100);
    router_.set(zmq::sockopt::linger, 0);
    router_.bind("tcp://127.0.0.1:*");
    endpoint_ = router_.get(zmq::sockopt::last_endpoint);
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
  }
  const std::string& endpoint() const { return endpoint_; }

 private:
  void run(std::stop_token stop) {
    while (!stop.stop_requested()) {
      zmq::message_t identity, payload;
      if (!router_.recv(identity) || !identity.more() || !router_.recv(payload)) continue;
      anpr::v1::Envelope envelope;
      try {
        envelope = anpr::proto::decode(payload.to_string_view());
      } catch (const anpr::proto::WireError&) {
        continue;
      }
      if (!envelope.has_sighting()) continue;
      anpr::v1::Envelope reply;
      reply.set_schema_version(anpr::proto::kSchemaVersion);
      reply.mutable_ack()->add_event_ids(envelope.sighting().event_id());
      router_.send(identity, zmq::send_flags::sndmore);
      router_.send(zmq::buffer(anpr::proto::encode(reply)));
    }
  }

  zmq::context_t context_;
  zmq::socket_t router_{context_, zmq::socket_type::router};
  std::string endpoint_;
  std::jthread thread_;
};

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Peak resident set of this process, MiB (VmHWM).
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

struct Sample {
  Clock::time_point at;
  double cpu = 0;
  anpr::daemon::MetricsInputs status;
};

Sample sample(const anpr::daemon::EdgeDaemon& daemon) { return {Clock::now(), cpu_seconds(), daemon.status()}; }

// "-" when nothing was measured, which is what an empty road gives.
std::string seconds_or_dash(std::uint64_t count, double seconds) {
  if (count == 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

std::string config_text(const Arguments& a, const std::string& central, const std::filesystem::path& dir) {
  std::ostringstream y;
  y << "edge_id: bench\nsite_id: bench\nlog: {level: warn}\n"
    << "central: {endpoint: '" << central << "', allow_plaintext: true}\n"
    << "spool: {dir: '" << (dir / "spool").string() << "', dead_letter_dir: '" << (dir / "dead").string() << "'}\n"
    << "metrics: {port: 0}\nrecognition: {workers: " << a.workers << "}\n"
    << "cameras:\n  - id: cam\n    url: '" << a.url << "'\n    max_fps: " << a.max_fps << "\n";
  return y.str();
}

}  // namespace

int main(int argc, char** argv) {
  auto args = parse(argc, argv);
  anpr::daemon::block_daemon_signals();

  std::string dir_template = (std::filesystem::temp_directory_path() / "anpr-edge-bench-XXXXXX").string();
  if (!::mkdtemp(dir_template.data())) usage("cannot create a temporary directory");
  const std::filesystem::path dir = dir_template;

  AckingCentral central;
  auto config = anpr::daemon::parse_edge_config(config_text(args, central.endpoint(), dir), "bench.yaml");
  anpr::log::setup("anpr-edge-bench", config.log);
  Sample start, end;
  int status;
  {
    anpr::daemon::EdgeDaemon daemon(std::move(config));
    std::jthread measure([&] {
      std::this_thread::sleep_for(std::chrono::duration<double>(args.warmup));
      start = sample(daemon);
      std::this_thread::sleep_for(std::chrono::duration<double>(args.seconds));
      end = sample(daemon);
      ::kill(::getpid(), SIGTERM);
    });
    status = daemon.run();
  }
  std::filesystem::remove_all(dir);
  if (end.status.cameras.empty()) return status == 0 ? 1 : status;

  const auto& c0 = start.status.cameras.front();
  const auto& c1 = end.status.cameras.front();
  const double wall = std::chrono::duration<double>(end.at - start.at).count();
  auto rate = [&](std::uint64_t before, std::uint64_t after) { return static_cast<double>(after - before) / wall; };
  const auto& latency = end.status.latency;
  if (args.header) {
    std::printf("| stream | size | workers | fps in | fps analysed | analysed per core-s | fps without motion "
                "| dropped/s | CPU %% of a core | peak RSS MiB | sightings | latency mean s | latency max s |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  }
  const double recognition_cpu = c1.recognition_cpu_seconds - c0.recognition_cpu_seconds;
  const double per_core = recognition_cpu > 0 ? static_cast<double>(c1.frames_analysed - c0.frames_analysed) / recognition_cpu : 0;
  std::printf("| %s | %dx%d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %llu | %s | %s |\n",
              args.label.c_str(), c1.capture.width, c1.capture.height, args.workers,
              rate(c0.capture.frames_in, c1.capture.frames_in), rate(c0.frames_analysed, c1.frames_analysed), per_core,
              rate(c0.frames_without_motion, c1.frames_without_motion),
              rate(anpr::daemon::frames_dropped(c0), anpr::daemon::frames_dropped(c1)),
              100.0 * (end.cpu - start.cpu) / wall, peak_rss_mib(),
              static_cast<unsigned long long>(c1.sightings - c0.sightings),
              seconds_or_dash(latency.count, latency.sum_seconds / static_cast<double>(std::max<std::uint64_t>(1, latency.count))).c_str(),
              seconds_or_dash(latency.count, latency.max_seconds).c_str());
  return status;
}
