// anpr-spool-bench: appends/s of the spool with an fdatasync per append and
// with group commit, on the disk that holds the spool directory, for the
// numbers in docs/spool-format.md. Run it on the camera box's real disk: on
// tmpfs an fdatasync costs nothing and both modes look alike.
//
//   anpr-spool-bench [dir] [records] [payload_bytes]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include <spdlog/spdlog.h>

#include "edge/spool/spool.h"
#include "edge/spool/spool_format.h"

namespace {

struct Mode {
  const char* name;
  std::chrono::milliseconds group_commit_interval;
};

double appends_per_second(const std::filesystem::path& dir, const Mode& mode, long records, long payload_bytes) {
  std::filesystem::remove_all(dir);
  anpr::spool::SpoolOptions options;
  options.group_commit_interval = mode.group_commit_interval;
  options.max_total_bytes = std::max<std::uint64_t>(options.max_total_bytes, static_cast<std::uint64_t>(2 * records * (payload_bytes + 64)));
  const std::string payload(static_cast<std::size_t>(payload_bytes), 'x');

  auto spool = anpr::spool::Spool::open(dir, options);
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < records; ++i) spool->append(payload);
  spool->sync();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  spool.reset();
  std::filesystem::remove_all(dir);
  return static_cast<double>(records) / elapsed.count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path base =
      argc > 1 ? std::filesystem::path(argv[1])
               : std::filesystem::temp_directory_path() / ("anpr-spool-bench-" + std::to_string(::getpid()));
  const long records = argc > 2 ? std::atol(argv[2]) : 2000;
  const long payload_bytes = argc > 3 ? std::atol(argv[3]) : 20000;
  if (records <= 0 || payload_bytes < 0 || payload_bytes > static_cast<long>(anpr::spool::kMaxPayloadSize)) {
    std::fprintf(stderr, "usage: %s [dir] [records > 0] [payload_bytes 0..%u]\n", argv[0],
                 anpr::spool::kMaxPayloadSize);
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);

  const Mode modes[] = {{"fdatasync per append", std::chrono::milliseconds(0)},
                        {"group commit 100 ms", std::chrono::milliseconds(100)}};
  try {
    std::printf("spool dir %s, %ld records of %ld bytes\n", base.c_str(), records, payload_bytes);
    for (const Mode& mode : modes) {
      const double rate = appends_per_second(base / "spool", mode, records, payload_bytes);
      std::printf("%-22s %10.0f appends/s %8.1f MB/s\n", mode.name, rate, rate * payload_bytes / 1e6);
    }
    std::filesystem::remove(base);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "anpr-spool-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
