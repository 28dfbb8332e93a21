// The anpr-central binary as an operator runs it: --check-config and its
// exit codes, and SIGTERM, which must commit and ack the batch in hand
// before the process exits 0. The server runs as a child of the test.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "central/store/pg_text.h"
#include "tests/integration/central/central_harness.h"

namespace anpr::central::testing {
namespace {

struct Exit {
  int status = -1;  // exit code, or -1 when killed or still running at the deadline
  std::string output;
};

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A running anpr-central with stdout and stderr in `log`.
class Child {
 public:
  Child(const std::vector<std::string>& args, std::filesystem::path log) : log_(std::move(log)) {
    pid_ = fork();
    if (pid_ == 0) {
      int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<char*> argv{const_cast<char*>(ANPR_CENTRAL_PATH)};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(ANPR_CENTRAL_PATH, argv.data());
      _exit(127);
    }
  }
  ~Child() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void signal(int sig) { kill(pid_, sig); }

  Exit wait(std::chrono::milliseconds timeout) {
    Exit result;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
        break;
      }
      std::this_thread::sleep_for(20ms);
    }
    result.output = output();
    return result;
  }

  std::string output() const { return slurp(log_); }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  bool reaped_ = false;
};

// A TCP port nobody listens on right now.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(CentralDaemon, CheckConfigAcceptsAGoodFile) {
  CentralHarness harness("central_daemon_check");
  harness.start();  // writes the configuration
  harness.stop();
  ScratchDir dir;
  Child child({"--config", harness.config_file().string(), "--check-config"}, dir.path() / "out.log");
  Exit exit = child.wait(kPatience);
  EXPECT_EQ(exit.status, 0) << exit.output;
  EXPECT_NE(exit.output.find("configuration is valid"), std::string::npos) << exit.output;
}

TEST(CentralDaemon, BadConfigurationExitsNonZeroNamingTheKey) {
  CentralHarness harness("central_daemon_bad");
  harness.start();
  harness.stop();
  ScratchDir dir;
  for (const auto& [extra, key] : {std::pair<std::string, std::string>{"bogus_section: 1\n", "bogus_section"},
                                   {"correlation:\n  crossing:\n    window: 0s\n", "correlation.crossing.window"}}) {
    const auto file = dir.path() / "central.yaml";
    std::ofstream(file) << slurp(harness.config_file()) << extra;
    Child child({"--config", file.string(), "--check-config"}, dir.path() / "out.log");
    Exit exit = child.wait(kPatience);
    EXPECT_EQ(exit.status, 2) << exit.output;
    EXPECT_NE(exit.output.find(key), std::string::npos) << exit.output;
  }
  Child missing({"--config", (dir.path() / "nowhere.yaml").string()}, dir.path() / "out.log");
  EXPECT_EQ(missing.wait(kPatience).status, 2);
  Child usage({"--bogus"}, dir.path() / "out.log");
  EXPECT_EQ(usage.wait(kPatience).status, 2);
}

TEST(CentralDaemon, SigtermCommitsAndAcksTheBatchInHandThenExitsZero) {
  HarnessOptions options;
  options.listen_endpoint = "tcp://127.0.0.1:" + std::to_string(free_port());
  options.batch_max_delay = "3s";  // the sighting is still in the batch when SIGTERM arrives
  CentralHarness harness("central_daemon_term", options);
  harness.start();  // migrates and writes the configuration
  harness.stop();

  ScratchDir dir;
  Child child({"--config", harness.config_file().string()}, dir.path() / "central.log");
  ASSERT_TRUE(eventually(kPatience, [&] { return child.output().find("central_serving") != std::string::npos; }))
      << child.output();
  EdgeClient client(options.listen_endpoint, harness.server_keys(), harness.edge_keys(kEdgeLv));
  v1::Sighting s = make_sighting("TM1234", kEdgeLv, kSiteLv, now_us() - kMinuteUs);
  ASSERT_TRUE(client.send(s));
  ASSERT_TRUE(eventually(kPatience, [&] { return child.output().find("edge-lv-1") != std::string::npos; }));
  std::this_thread::sleep_for(300ms);  // received, waiting in the batch
  EXPECT_TRUE(client.answers().acked.empty());
  child.signal(SIGTERM);
  client.collect(kPatience, [&] { return client.answers().acked.contains(s.event_id()); });
  Exit exit = child.wait(kPatience);
  EXPECT_EQ(exit.status, 0) << exit.output;
  EXPECT_TRUE(client.answers().acked.contains(s.event_id())) << exit.output;
  EXPECT_EQ(harness.count("SELECT count(*) FROM sightings WHERE event_id = '" + store::uuid_text(s.event_id()) + "'"),
            1);
  EXPECT_NE(exit.output.find("ingest_stopped"), std::string::npos) << exit.output;
}

}  // namespace
}  // namespace anpr::central::testing
