// Crash safety under kill -9: a child process appends in a loop and reports
// each record through a pipe only after append() returned; the parent kills
// it with SIGKILL at an arbitrary point (often mid-write, records are up to
// 40 KB). After several crash-and-reopen rounds every reported record must be
// readable, and nothing readable may be damaged.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>

#include "edge/spool/spool.h"
#include "spool_test_support.h"

namespace anpr::spool {
namespace {

using testing::TempDir;

// What the child writes to the pipe per record: 24 bytes, below PIPE_BUF, so
// each report arrives whole.
struct Report {
  std::uint64_t seq;
  std::uint64_t round;
  std::uint64_t index;
};

// Payloads of 100 B to 40 KB, tagged with (round, index) and otherwise
// derived from the tag, so any record read back can be verified on its own.
std::string tagged_payload(std::uint64_t round, std::uint64_t index) {
  std::string payload = "round=" + std::to_string(round) + ";index=" + std::to_string(index) + ";";
  const std::size_t size = 100 + (round * 7919 + index * 104729) % 40000;
  for (std::size_t i = payload.size(); i < size; ++i) payload.push_back(static_cast<char>((index * 31 + i) & 0xff));
  return payload;
}

bool payload_is_intact(const std::string& payload) {
  std::uint64_t round = 0;
  std::uint64_t index = 0;
  if (std::sscanf(payload.c_str(), "round=%" SCNu64 ";index=%" SCNu64 ";", &round, &index) != 2) return false;
  return payload == tagged_payload(round, index);
}

SpoolOptions crash_options() {
  SpoolOptions options;
  options.segment_bytes = 256u << 10;
  options.max_total_bytes = 64u << 20;
  return options;
}

[[noreturn]] void append_until_killed(const std::filesystem::path& dir, std::uint64_t round, int report_fd) {
  try {
    auto spool = Spool::open(dir, crash_options());
    for (std::uint64_t index = 0;; ++index) {
      const Report report{spool->append(tagged_payload(round, index)), round, index};
      if (::write(report_fd, &report, sizeof report) != sizeof report) ::_exit(4);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash test child: %s\n", e.what());
    ::_exit(3);
  }
}

// Collects reports until `wanted` arrived or the deadline passed, then kills
// the child `delay` later (so not always right after a report) and takes
// whatever reports it managed to send before dying.
std::vector<Report> kill_after(pid_t child, int report_fd, std::size_t wanted, std::chrono::microseconds delay) {
  std::string buffer;
  auto take = [&](bool wait) {
    pollfd fd{report_fd, POLLIN, 0};
    if (::poll(&fd, 1, wait ? 100 : 0) <= 0) return false;
    char chunk[4096];
    const ssize_t n = ::read(report_fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (buffer.size() / sizeof(Report) < wanted && std::chrono::steady_clock::now() < deadline) take(true);
  std::this_thread::sleep_for(delay);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child exited on its own, status " << status;
  while (take(false)) {
  }

  std::vector<Report> reports(buffer.size() / sizeof(Report));
  std::memcpy(reports.data(), buffer.data(), reports.size() * sizeof(Report));
  return reports;
}

TEST(SpoolCrash, EveryRecordReportedAppendedSurvivesSigkill) {
  TempDir dir;
  std::map<std::uint64_t, Report> reported;
  for (std::uint64_t round = 0; round < 4; ++round) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(fds[0]);
      append_until_killed(dir.path(), round, fds[1]);
    }
    ::close(fds[1]);
    const std::vector<Report> reports = kill_after(child, fds[0], 40 + 25 * round, std::chrono::microseconds(300 * round));
    ::close(fds[0]);
    ASSERT_FALSE(reports.empty()) << "round " << round;
    for (const Report& report : reports) reported[report.seq] = report;
  }

  auto spool = Spool::open(dir.path(), crash_options());
  std::map<std::uint64_t, std::string> found;
  for (auto batch = spool->next_unsent(64); !batch.empty(); batch = spool->next_unsent(64)) {
    for (SpoolRecord& record : batch) {
      EXPECT_TRUE(payload_is_intact(record.payload)) << "seq " << record.seq;
      found.emplace(record.seq, std::move(record.payload));
    }
  }
  for (const auto& [seq, report] : reported) {
    const auto it = found.find(seq);
    ASSERT_NE(it, found.end()) << "reported seq " << seq << " missing after SIGKILL";
    EXPECT_EQ(it->second, tagged_payload(report.round, report.index)) << "seq " << seq;
  }
  EXPECT_EQ(spool->counters().corrupt_records_skipped, 0u);
}

}  // namespace
}  // namespace anpr::spool
