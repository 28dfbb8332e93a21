// Matching time per sighting against a large in-memory watchlist.
//
//   anpr-watchlist-bench [ENTRIES] [READS]      (defaults 1000000 and 200000)
//
// Fills an index with LV/LT-shaped plates, mixed as national stolen-vehicle
// lists are (mostly exact): 90 % exact, 8 % up to two OCR equivalents, 1.9 %
// one other edit, 0.1 % a wildcard prefix; then
// matches random reads (10 % of them listed plates with a misread) and prints
// build time, memory and per-read latency percentiles.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "central/watchlist/watchlist_index.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string random_plate(std::mt19937& rng) {
  static const std::string letters = "ABCDEFGHJKLMNOPRSTUVZ";
  auto letter = [&] { return letters[rng() % letters.size()]; };
  auto digit = [&] { return static_cast<char>('0' + rng() % 10); };
  std::string p;
  if (rng() % 2) {  // LV AB1234
    p = {letter(), letter(), static_cast<char>('1' + rng() % 9), digit(), digit(), digit()};
  } else {  // LT ABC123
    p = {letter(), letter(), letter(), digit(), digit(), digit()};
  }
  return p;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  const long entries = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  const long reads = argc > 2 ? std::atol(argv[2]) : 200'000;
  std::mt19937 rng(42);
  anpr::watchlist::Index index;
  std::vector<std::string> listed;
  auto start = Clock::now();
  for (long id = 1; id <= entries; ++id) {
    anpr::watchlist::Entry e;
    e.id = id;
    e.list = "bench";
    e.pattern = random_plate(rng);
    long kind = id % 1000;
    e.fuzzy = kind < 99;
    if (kind < 80) e.list_tolerance = {2, 0};
    else if (kind < 99) e.list_tolerance = {1, 1};
    else if (kind == 99) e.pattern = e.pattern.substr(0, 3) + "*";
    listed.push_back(e.pattern);
    index.upsert(std::move(e));
  }
  double build_s = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> us;
  us.reserve(reads);
  long hits = 0;
  anpr::watchlist::MatchTime when{1'764'072'000'000'000, 720};
  for (long i = 0; i < reads; ++i) {
    std::string read = random_plate(rng);
    if (i % 10 == 0) {
      read = listed[rng() % listed.size()];
      if (read.back() != '*') read[rng() % read.size()] = '8';
      else read.back() = '7';
    }
    auto t0 = Clock::now();
    hits += !index.match(read, "", when).empty();
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) { return us[static_cast<std::size_t>(p * (us.size() - 1))]; };
  std::printf("entries %ld, build %.1f s, peak RSS %.0f MiB\n", entries, build_s, peak_rss_mib());
  std::printf("reads %ld (%ld with a hit): p50 %.1f us, p99 %.1f us, max %.1f us\n", reads, hits, pct(0.5),
              pct(0.99), us.back());
  return 0;
}
