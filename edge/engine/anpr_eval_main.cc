// anpr-eval: the engine scored against a ground-truth CSV (ground_truth.h) by
// the rules in eval_score.h, per set and per country, with speed and the list
// of misses, so every change to the engine is measured the same way.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

#include "common/plate/plate_text.h"
#include "edge/engine/cli_args.h"
#include "edge/engine/engine.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/eval_score.h"
#include "edge/engine/ground_truth.h"

namespace {

using anpr::engine::EngineError;

constexpr char kUsage[] =
    "usage: anpr-eval GROUNDTRUTH.csv [ENGINE FLAGS] [--limit-per-set K] [--sets A,B]\n"
    "  Scores the engine per set and per country: found, top-1, top-N, country right (of found plates),\n"
    "  median and p90 ms, misses.\n"
    "  --limit-per-set K takes K images spread evenly over each set. --sets: only these sets.\n";

struct Arguments {
  anpr::engine::TruthSelection truth;
  anpr::engine::EngineOptions engine;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  const std::string usage = std::string(kUsage) + anpr::engine::kEngineFlagsUsage;
  args.truth = anpr::engine::parse_scoring_tool(argc, argv, usage, [&](const std::string& arg, const auto& value) {
    return anpr::engine::parse_engine_flag(arg, value, args.engine);
  });
  return args;
}

void print_row(const std::string& name, const anpr::engine::Tally& t, const std::vector<std::vector<double>>& ms) {
  std::printf("  %-22s %6zu %7s %7s %7s %7s", name.c_str(), t.plates, anpr::engine::percent(t.found, t.plates).c_str(),
              anpr::engine::percent(t.top1, t.plates).c_str(), anpr::engine::percent(t.topn, t.plates).c_str(),
              t.country_known ? anpr::engine::percent(t.country_right, t.country_known).c_str() : "-");
  for (const std::vector<double>& times : ms) {
    std::printf(" %8.1f %8.1f", anpr::engine::percentile(times, 0.5), anpr::engine::percentile(times, 0.9));
  }
  std::printf("\n");
}

// CPU time of this process: the box is shared while evaluating, and wall
// time then measures the neighbours as much as the engine (one thread).
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Miss {
  std::string image, truth, read;
  bool found;
};

// A plate whose text was read right but whose country was not: what the
// country choice alone got wrong.
struct CountryMiss {
  std::string image, truth, truth_country, read_country;
};

}  // namespace

int main(int argc, char** argv) {
  // Unreadable files are reported in our own output; OpenCV's warnings about
  // them on stderr would only repeat it.
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  Arguments args;
  std::vector<anpr::engine::TruthPlate> rows;
  std::optional<anpr::engine::Engine> engine;
  try {
    args = parse(argc, argv);
    rows = anpr::engine::load_ground_truth(args.truth.csv);
    engine.emplace(args.engine);
  } catch (const EngineError& e) {
    std::cerr << "anpr-eval: " << e.what() << "\n" << kUsage;
    return 1;
  }
  const std::filesystem::path root = std::filesystem::path(args.truth.csv).parent_path();

  std::map<std::string, anpr::engine::Tally> per_set, per_country;
  std::map<std::string, std::vector<double>> set_ms, set_cpu_ms;
  std::vector<double> frame_ms, crop_ms, frame_cpu_ms, crop_cpu_ms;
  std::map<std::string, std::map<std::string, anpr::engine::PlateOutcome>> distinct;  // set -> plate -> best
  std::vector<Miss> misses;
  std::vector<CountryMiss> country_misses;
  anpr::engine::Tally total;
  std::size_t unreadable = 0;

  for (const auto& [set, images] : anpr::engine::group_by_image(rows, args.truth.sets, args.truth.limit_per_set)) {
    for (const anpr::engine::TruthImage& image : images) {
      const std::string path = (root / image.image).string();
      const cv::Mat pixels = cv::imread(path, cv::IMREAD_COLOR);
      std::vector<anpr::engine::PlateRead> reads;
      if (pixels.empty()) {
        ++unreadable;
        std::cerr << "anpr-eval: cannot open or decode image '" << path << "'\n";
      } else {
        const bool crop = image.plates.front().crop;
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = cpu_ms();
        reads = crop ? engine->read_crop(pixels) : engine->read(pixels);
        const double cpu = cpu_ms() - cpu_start;
        const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
        set_ms[set].push_back(ms.count());
        set_cpu_ms[set].push_back(cpu);
        (crop ? crop_ms : frame_ms).push_back(ms.count());
        (crop ? crop_cpu_ms : frame_cpu_ms).push_back(cpu);
      }
      const auto outcomes = anpr::engine::score_image(image.plates, reads);
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& truth = image.plates[i];
        const auto& outcome = outcomes[i];
        per_set[set].add(outcome);
        per_country[truth.country.empty() ? "(unknown)" : truth.country].add(outcome);
        total.add(outcome);
        auto& best = distinct[set][anpr::plate::normalise_pattern(truth.plate).text];
        best.found = best.found || outcome.found;
        best.top1 = best.top1 || outcome.top1;
        best.topn = best.topn || outcome.topn;
        if (!outcome.top1) misses.push_back({image.image, truth.plate, outcome.read, outcome.found});
        if (outcome.top1 && outcome.country_known && !outcome.country_right) {
          country_misses.push_back({image.image, truth.plate, truth.country, outcome.read_country});
        }
      }
    }
  }

  std::printf("%-24s %6s %7s %7s %7s %7s %8s %8s %8s %8s\n", "set", "plates", "found", "top-1",
              ("top-" + std::to_string(args.engine.top_n)).c_str(), "country", "med ms", "p90 ms", "med cpu",
              "p90 cpu");
  for (const auto& [set, tally] : per_set) print_row(set, tally, {set_ms[set], set_cpu_ms[set]});
  print_row("all", total, {});
  std::printf("\n%-24s %6s %7s %7s %7s %7s\n", "country", "plates", "found", "top-1", "top-N", "country");
  for (const auto& [country, tally] : per_country) print_row(country, tally, {});
  bool headed = false;
  for (const auto& [set, plates] : distinct) {
    anpr::engine::Tally t;
    for (const auto& [plate, outcome] : plates) t.add(outcome);
    if (t.plates == per_set[set].plates) continue;
    if (!headed) std::printf("\ndistinct plates (counted once, read in at least one image):\n");
    headed = true;
    print_row(set, t, {});
  }
  const auto speed = [](const char* what, const std::vector<double>& wall, const std::vector<double>& cpu) {
    if (wall.empty()) return;
    std::printf("speed, %zu %s: wall median %.1f ms p90 %.1f ms; cpu median %.1f ms p90 %.1f ms\n", wall.size(), what,
                anpr::engine::percentile(wall, 0.5), anpr::engine::percentile(wall, 0.9),
                anpr::engine::percentile(cpu, 0.5), anpr::engine::percentile(cpu, 0.9));
  };
  std::printf("\n");
  speed("frames", frame_ms, frame_cpu_ms);
  speed("crops", crop_ms, crop_cpu_ms);
  if (unreadable > 0) std::printf("unreadable images: %zu\n", unreadable);
  std::printf("\nmisses (%zu):\n", misses.size());
  for (const Miss& m : misses) {
    std::printf("  %s  truth \"%s\"  read \"%s\"%s\n", m.image.c_str(), m.truth.c_str(), m.read.c_str(),
                m.found ? "" : "  (not found)");
  }
  std::printf("\ntext right, country wrong (%zu):\n", country_misses.size());
  for (const CountryMiss& m : country_misses) {
    std::printf("  %s  \"%s\"  country %s  read %s\n", m.image.c_str(), m.truth.c_str(), m.truth_country.c_str(),
                m.read_country.empty() ? "(none)" : m.read_country.c_str());
  }
  return unreadable > 0 ? 2 : 0;
}
