// anpr-store-bench: how fast the store takes sightings and answers plate
// history, on a given PostgreSQL database (which must be empty: the bench
// migrates it and fills it). Three phases:
//
//  1. write: N sightings with a 3 KB plate patch each through
//     SightingWriter::write_batch in batches of B, as the ingest path does;
//  2. copy: the same rows (same seed) COPYed in batches of B into plain
//     tables (raw_copy.h), the floor the write path's dedup, partition
//     routing and indexes add to;
//  3. history: the table topped up to M rows by COPY (no images, spread
//     over D days) and Q searches of each kind timed through
//     search_plate_history.
//
//   anpr-store-bench --conninfo='host=... dbname=...' [--rows=100000]
//       [--batch=500] [--history-rows=1000000] [--days=30] [--queries=500]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <pqxx/pqxx>

#include "bench/store/raw_copy.h"
#include "central/store/history.h"
#include "central/store/migrator.h"
#include "central/store/partitions.h"
#include "central/store/pg_text.h"
#include "central/store/sighting_writer.h"
#include "common/plate/ocr_equivalence.h"

namespace {

using Clock = std::chrono::steady_clock;
using anpr::v1::Sighting;

struct Options {
  std::string conninfo;
  long rows = 100000;
  long batch = 500;
  long history_rows = 1000000;
  long days = 30;
  long queries = 500;
};

Options parse(int argc, char** argv) {
  Options o;
  std::map<std::string, long*> numbers = {{"--rows", &o.rows},     {"--batch", &o.batch},
                                          {"--history-rows", &o.history_rows}, {"--days", &o.days},
                                          {"--queries", &o.queries}};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto eq = arg.find('=');
    std::string key = arg.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
    if (key == "--conninfo") {
      o.conninfo = value;
    } else if (auto it = numbers.find(key); it != numbers.end() && !value.empty()) {
      *it->second = std::stol(value);
      if (*it->second <= 0) throw std::invalid_argument(key + " must be positive");
    } else {
      throw std::invalid_argument("unknown or incomplete argument '" + arg + "'");
    }
  }
  if (o.conninfo.empty()) throw std::invalid_argument("--conninfo=<libpq connection string> is required");
  if (o.days > 80) throw std::invalid_argument("--days must be at most 80 (the store's capture window)");
  return o;
}

int64_t now_us() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Deterministic sightings: the same seed gives the same rows, so the write
// and copy phases handle identical data. Every source draws from the same
// pool of plates, so searches find the rows of every phase.
class SightingSource {
 public:
  SightingSource(uint64_t seed, std::size_t distinct_plates) : rng_(seed) {
    std::mt19937_64 pool_rng(distinct_plates);
    std::uniform_int_distribution<int> letter('A', 'Z'), digit('0', '9');
    for (std::size_t i = 0; i < distinct_plates; ++i) {
      std::string p;
      for (int k = 0; k < 3; ++k) p += static_cast<char>(letter(pool_rng));
      for (int k = 0; k < 3; ++k) p += static_cast<char>(digit(pool_rng));
      plates_.push_back(p);
    }
    patch_.resize(3 * 1024);
    for (char& c : patch_) c = static_cast<char>(rng_() & 0xff);
  }

  const std::vector<std::string>& plates() const { return plates_; }

  Sighting next(int64_t captured_at_us, bool with_patch) {
    static const char* kSites[] = {"lv-terehova", "lv-grebneva", "lt-medininkai", "lt-salcininkai"};
    Sighting s;
    std::string id(16, '\0');
    for (char& c : id) c = static_cast<char>(rng_() & 0xff);
    s.set_event_id(id);
    std::string site = kSites[rng_() % 4];
    s.set_site_id(site);
    s.set_edge_id("edge-" + site);
    s.set_camera_id(site + "-cam-" + std::to_string(1 + rng_() % 4));
    s.set_captured_at_us(captured_at_us);
    s.mutable_clock_sync()->set_state(anpr::v1::CLOCK_SYNC_STATE_SYNCED);
    const std::string& plate = plates_[rng_() % plates_.size()];
    s.set_plate_text(plate);
    s.set_plate_display(plate.substr(0, 3) + " " + plate.substr(3));
    s.set_plate_country(site.substr(0, 2) == "lv" ? "LV" : "LT");
    s.set_country_confidence(0.9f);
    s.set_read_confidence(0.85f);
    auto* c = s.add_candidates();
    c->set_text(plate);
    c->set_confidence(0.85f);
    s.set_frame_width(1920);
    s.set_frame_height(1080);
    s.mutable_plate_box()->set_width(220);
    s.mutable_plate_box()->set_height(50);
    s.set_direction(anpr::v1::DIRECTION_APPROACHING);
    s.set_lane(1);
    s.set_frames_seen(6);
    if (with_patch) s.set_plate_jpeg(patch_);
    s.set_engine_version("bench");
    return s;
  }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> plates_;
  std::string patch_;
};

struct Latency {
  double p50_ms, p99_ms, max_ms;
};

Latency latency(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&ms](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
  return {at(0.50), at(0.99), ms.back()};
}

constexpr uint64_t kSeed = 20240501;

double write_phase(pqxx::connection& conn, const Options& o, std::size_t distinct,
                   const std::filesystem::path& evidence_dir) {
  SightingSource source(kSeed, distinct);
  anpr::evidence_store::EvidenceWriter evidence({evidence_dir}, 0);
  anpr::store::SightingWriter writer(conn, evidence);
  int64_t start_time = now_us() - o.rows * 1000;
  double busy = 0;
  for (long done = 0; done < o.rows;) {
    std::vector<Sighting> batch;
    for (long i = 0; i < o.batch && done + i < o.rows; ++i) batch.push_back(source.next(start_time + (done + i) * 1000, true));
    auto t0 = Clock::now();
    auto result = writer.write_batch(batch);
    busy += seconds_since(t0);
    if (result.stored.size() != batch.size()) throw std::runtime_error("write phase: a batch was not stored whole");
    done += static_cast<long>(batch.size());
  }
  return busy;
}

double copy_phase(pqxx::connection& conn, const Options& o, std::size_t distinct) {
  SightingSource source(kSeed, distinct);
  int64_t start_time = now_us() - o.rows * 1000;
  std::vector<Sighting> all;
  all.reserve(static_cast<std::size_t>(o.rows));
  for (long i = 0; i < o.rows; ++i) all.push_back(source.next(start_time + i * 1000, true));
  std::vector<const Sighting*> rows;
  for (const auto& s : all) rows.push_back(&s);
  return anpr::bench::raw_copy_seconds(conn, rows, static_cast<std::size_t>(o.batch));
}

// Tops the store up with COPY straight into the partitioned sightings
// table, in capture-time order (one day partition's indexes hot at a time,
// as live traffic fills them), without images and without ledger rows:
// history searches read neither, and write_batch at ~15 k rows/s would
// take a quarter of an hour for 10 M rows on this box.
void fill_phase(pqxx::connection& conn, const Options& o, SightingSource& source, long have) {
  const long to_add = std::max(0L, o.history_rows - have);
  const int64_t now = now_us();
  const int64_t first = now - o.days * 86'400'000'000LL;
  {
    std::vector<int64_t> days;
    for (int64_t day = anpr::store::capture_day(first); day <= anpr::store::capture_day(now); ++day) days.push_back(day);
    pqxx::work tx(conn);
    tx.exec_params("SELECT ensure_sighting_partitions($1::date[])", anpr::store::date_array(days));
    tx.commit();
  }
  const std::vector<std::string> columns = {"event_id",      "captured_at",        "edge_id",         "camera_id",
                                            "site_id",       "plate_text",         "plate_key",       "plate_display",
                                            "plate_country", "country_confidence", "read_confidence", "candidate_texts",
                                            "candidate_confidences", "direction",  "frames_seen"};
  std::mt19937_64 rng(kSeed + 1);
  const double step = static_cast<double>(now - 1 - first) / static_cast<double>(std::max(1L, to_add));
  auto t0 = Clock::now();
  constexpr long kChunk = 100'000;  // rows per COPY and commit
  for (long done = 0; done < to_add; done += kChunk) {
    pqxx::work tx(conn);
    pqxx::stream_to copy(tx, "sightings", columns);
    for (long i = done; i < std::min(to_add, done + kChunk); ++i) {
      const int64_t at = first + static_cast<int64_t>(step * static_cast<double>(i)) + static_cast<int64_t>(rng() % 1000);
      const Sighting s = source.next(at, false);
      const std::vector<std::string> texts = {s.candidates(0).text()};
      const std::vector<float> confidences = {s.candidates(0).confidence()};
      copy << std::make_tuple(anpr::store::uuid_text(s.event_id()), anpr::store::timestamptz_text(at), s.edge_id(),
                              s.camera_id(), s.site_id(), s.plate_text(), anpr::plate::ocr_canonical_key(s.plate_text()),
                              s.plate_display(), s.plate_country(), anpr::store::real_text(s.country_confidence()),
                              anpr::store::real_text(s.read_confidence()), anpr::store::text_array(texts),
                              anpr::store::real_array(confidences), static_cast<int>(s.direction()),
                              int64_t{s.frames_seen()});
    }
    copy.complete();
    tx.commit();
  }
  double s = seconds_since(t0);
  std::printf("fill:    %ld rows without images over %ld days in %.1f s (%.0f rows/s, COPY into sightings, chunks of %ld)\n",
              to_add, o.days, s, static_cast<double>(to_add) / s, kChunk);
  t0 = Clock::now();
  pqxx::nontransaction(conn).exec("VACUUM ANALYZE sightings");
  std::printf("vacuum analyze: %.1f s\n", seconds_since(t0));
}

void history_phase(pqxx::connection& conn, const Options& o, const std::vector<std::string>& plates) {
  using anpr::store::HistoryQuery;
  std::mt19937_64 rng(kSeed + 2);
  int64_t now = now_us();
  const anpr::store::Requester who{"bench", "benchmark"};
  struct Kind {
    const char* name;
    std::function<HistoryQuery(const std::string&)> make;
  };
  std::vector<Kind> kinds = {
      {"exact, all time", [](const std::string& p) { return HistoryQuery{.plate = p}; }},
      {"exact, last 7 days",
       [now](const std::string& p) { return HistoryQuery{.plate = p, .from_us = now - 7 * 86'400'000'000LL}; }},
      {"ocr-tolerant, all time", [](const std::string& p) { return HistoryQuery{.plate = p, .ocr_tolerant = true}; }},
      {"prefix ABC*, all time", [](const std::string& p) { return HistoryQuery{.plate = p.substr(0, 3) + "*"}; }},
      {"exact + site, all time",
       [](const std::string& p) { return HistoryQuery{.plate = p, .site_id = std::string("lv-terehova")}; }},
  };
  for (const Kind& kind : kinds) {
    std::vector<double> ms;
    std::size_t rows = 0;
    for (long i = 0; i < o.queries; ++i) {
      HistoryQuery q = kind.make(plates[rng() % plates.size()]);
      auto t0 = Clock::now();
      rows += anpr::store::search_plate_history(conn, q, who).size();
      ms.push_back(seconds_since(t0) * 1000);
    }
    Latency l = latency(ms);
    std::printf("history: %-24s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%ld queries, %.1f rows each)\n", kind.name,
                l.p50_ms, l.p99_ms, l.max_ms, o.queries, static_cast<double>(rows) / static_cast<double>(o.queries));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o = parse(argc, argv);
    pqxx::connection conn(o.conninfo);
    anpr::store::migrate(conn);
    if (pqxx::nontransaction(conn).exec1("SELECT count(*) FROM sighting_ids")[0].as<long>() != 0) {
      throw std::runtime_error("the database already holds sightings; the bench needs an empty one");
    }
    // About 20 sightings per plate once the table holds M rows.
    std::size_t distinct = static_cast<std::size_t>(std::max(1000L, o.history_rows / 20));
    std::printf("settings: rows=%ld batch=%ld history-rows=%ld days=%ld queries=%ld distinct-plates=%zu\n", o.rows,
                o.batch, o.history_rows, o.days, o.queries, distinct);

    char dir_pattern[] = "/tmp/anpr-store-bench-XXXXXX";
    if (mkdtemp(dir_pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    const std::filesystem::path dir = dir_pattern;
    double write_s = write_phase(conn, o, distinct, dir / "evidence");
    std::filesystem::remove_all(dir);
    std::printf("write:   %ld rows (3 KB plate patch each, to evidence segments) in %.1f s = %.0f rows/s through write_batch\n", o.rows,
                write_s, o.rows / write_s);
    double copy_s = copy_phase(conn, o, distinct);
    std::printf("copy:    %ld rows (same rows) in %.1f s = %.0f rows/s raw COPY into an unindexed table\n", o.rows,
                copy_s, o.rows / copy_s);

    SightingSource source(kSeed + 3, distinct);
    fill_phase(conn, o, source, o.rows);
    history_phase(conn, o, source.plates());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "anpr-store-bench: %s\n", e.what());
    return 1;
  }
}
