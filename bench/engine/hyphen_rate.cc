// anpr-hyphen-rate: how often the hyphen finder (plate_hyphen.h) sees a
// hyphen on labelled plates, per country and per whether the label has one:
// its recall on Latvian `AB-1234`-shaped plates, and its false hyphens on
// everything else, which would make a Lithuanian plate Latvian. Each plate
// is cut from its frame with a tenth of its height around it (a crop is
// taken whole), in gray, as the engine's whole-plate part would be.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <utility>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

#include "edge/engine/cli_args.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_hyphen.h"

namespace {

constexpr char kUsage[] =
    "usage: anpr-hyphen-rate GROUNDTRUTH.csv [--sets A,B] [--limit-per-set K] [--list]\n"
    "  Per country, and per whether the label has a '-': plates, and how many the hyphen finder sees one on.\n"
    "  --list names every plate where the finder and the label disagree.\n";

struct Arguments {
  anpr::engine::TruthSelection truth;
  bool list = false;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  args.truth = anpr::engine::parse_scoring_tool(argc, argv, kUsage, [&](const std::string& arg, const auto&) {
    if (arg != "--list") return false;
    args.list = true;
    return true;
  });
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  Arguments args;
  std::vector<anpr::engine::TruthPlate> rows;
  try {
    args = parse(argc, argv);
    rows = anpr::engine::load_ground_truth(args.truth.csv);
  } catch (const std::exception& e) {
    std::cerr << "anpr-hyphen-rate: " << e.what() << "\n" << kUsage;
    return 1;
  }
  const std::filesystem::path root = std::filesystem::path(args.truth.csv).parent_path();
  std::map<std::pair<std::string, bool>, std::pair<std::size_t, std::size_t>> tally;  // -> plates, seen
  for (const auto& [set, images] : anpr::engine::group_by_image(rows, args.truth.sets, args.truth.limit_per_set)) {
    for (const anpr::engine::TruthImage& image : images) {
      const cv::Mat gray = cv::imread((root / image.image).string(), cv::IMREAD_GRAYSCALE);
      if (gray.empty()) {
        std::cerr << "anpr-hyphen-rate: cannot read " << image.image << "\n";
        continue;
      }
      for (const anpr::engine::TruthPlate& plate : image.plates) {
        cv::Mat cut = gray;
        if (!plate.crop) {
          if (!plate.box) continue;
          const int margin = plate.box->height / 10;
          const cv::Rect around(plate.box->x - margin, plate.box->y - margin, plate.box->width + 2 * margin,
                                plate.box->height + 2 * margin);
          const cv::Rect inside = around & cv::Rect(0, 0, gray.cols, gray.rows);
          if (inside.empty()) continue;
          cut = gray(inside);
        }
        const bool labelled = plate.plate.find('-') != std::string::npos;
        const bool seen = anpr::engine::has_hyphen(cut);
        auto& [plates, hits] = tally[{plate.country.empty() ? "(unknown)" : plate.country, labelled}];
        ++plates;
        hits += seen;
        if (args.list && seen != labelled) {
          std::printf("  %s  \"%s\"  %s\n", image.image.c_str(), plate.plate.c_str(), seen ? "hyphen seen" : "missed");
        }
      }
    }
  }
  std::printf("%-10s %-9s %7s %7s %7s\n", "country", "label", "plates", "seen", "share");
  for (const auto& [key, counts] : tally) {
    std::printf("%-10s %-9s %7zu %7zu %6.1f%%\n", key.first.c_str(), key.second ? "has '-'" : "no '-'", counts.first,
                counts.second, 100.0 * counts.second / counts.first);
  }
  return 0;
}
