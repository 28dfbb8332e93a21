// anpr-detect-recall: how often the detect stage alone puts a labelled plate
// among its first k candidates, per set, with the time it takes. The engine
// reads at most four candidates, so a plate the detector ranks fifth or misses
// can never be read; this separates detection misses from reading misses,
// which anpr-eval's "found" mixes (a found plate needs a read that passed the
// confidence floor). Frames count a plate covered when a detection overlaps
// its box by anpr-eval's rule (eval_score.h); a plate crop counts as covered
// when locate_in_crop finds a row there (not the whole-image fallback) whose
// outline overlaps the crop by IoU >= 0.3, since any row's centre lies inside
// the crop. Rows without a box (held-out sets) are skipped: use anpr-eval.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/cli_args.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/eval_score.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_detector.h"

namespace {

using anpr::engine::EngineError;
using anpr::engine::PlateDetection;

constexpr char kUsage[] =
    "usage: anpr-detect-recall GROUNDTRUTH.csv [--sets A,B] [--limit-per-set K] [--k 4] [--min-relative R]\n"
    "                          [--dump DIR]\n"
    "  Detection recall per set: recall@1, @k, @all and as the engine reads (the first k scored at least\n"
    "  R of the best; R defaults to DetectorOptions'), median candidates, mean candidates read and CPU ms per image, and every miss.\n"
    "  --dump DIR writes a picture of each miss: truth green, first k detections red, rows blue.\n";

struct Arguments {
  anpr::engine::TruthSelection truth;
  std::size_t k = 4;
  std::string dump;
  double min_relative = anpr::engine::DetectorOptions{}.min_relative_score;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  args.truth = anpr::engine::parse_scoring_tool(argc, argv, kUsage, [&](const std::string& arg, const auto& value) {
    if (arg == "--k") {
      args.k = anpr::engine::parse_count(arg, value());
    } else if (arg == "--min-relative") {
      args.min_relative = std::stod(value());
    } else if (arg == "--dump") {
      args.dump = value();
    } else {
      return false;
    }
    return true;
  });
  return args;
}

struct Image {
  std::string path;
  bool crop = false;
  std::vector<cv::Rect> boxes;
};

// The boxed plates (and crops) of each image anpr-eval would take, per set;
// images with neither are left out.
std::map<std::string, std::vector<Image>> select_images(const std::vector<anpr::engine::TruthPlate>& rows,
                                                        const Arguments& args) {
  std::map<std::string, std::vector<Image>> by_set;
  for (const auto& [set, images] : anpr::engine::group_by_image(rows, args.truth.sets, args.truth.limit_per_set)) {
    for (const anpr::engine::TruthImage& image : images) {
      Image selected{image.image, image.plates.front().crop, {}};
      for (const anpr::engine::TruthPlate& plate : image.plates) {
        if (plate.box) selected.boxes.push_back(*plate.box);
      }
      if (selected.crop || !selected.boxes.empty()) by_set[set].push_back(std::move(selected));
    }
  }
  return by_set;
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Rank (0-based) of the first detection covering `truth`, or -1.
int covering_rank(const cv::Rect& truth, const std::vector<PlateDetection>& found, const cv::Size& frame) {
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (anpr::engine::box_matches(truth, anpr::engine::bounding_box(found[i].outline, frame))) return static_cast<int>(i);
  }
  return -1;
}

// How many of `found` the engine reads: the first `k` scored at least
// `min_relative` of the best (DetectorOptions::min_relative_score).
std::size_t engine_reads(const std::vector<PlateDetection>& found, std::size_t k, double min_relative) {
  std::size_t n = 0;
  while (n < std::min(found.size(), k) && found[n].score >= min_relative * found.front().score) ++n;
  return n;
}

void draw(cv::Mat& image, const anpr::engine::Quad& quad, const cv::Scalar& colour) {
  std::vector<cv::Point> points;
  for (const cv::Point2f& c : quad.corners) points.emplace_back(cv::Point(static_cast<int>(c.x), static_cast<int>(c.y)));
  cv::polylines(image, points, true, colour, 1);
}

// The region around a missed plate with the truth and the first k detections.
void dump_miss(const std::string& dir, const std::string& name, const cv::Mat& bgr, const cv::Rect& truth,
               const std::vector<PlateDetection>& found, std::size_t k) {
  cv::Mat sheet = bgr.clone();
  for (std::size_t i = 0; i < std::min(k, found.size()); ++i) {
    for (const auto& row : found[i].rows) draw(sheet, row, {255, 0, 0});
    draw(sheet, found[i].outline, {0, 0, 255});
    cv::putText(sheet, std::to_string(i + 1), found[i].outline.corners[0], cv::FONT_HERSHEY_SIMPLEX, 0.5, {0, 0, 255});
  }
  cv::rectangle(sheet, truth, {0, 255, 0}, 1);
  const cv::Rect around = cv::Rect(truth.x - truth.width, truth.y - 2 * truth.height, 3 * truth.width, 5 * truth.height) &
                          cv::Rect(0, 0, bgr.cols, bgr.rows);
  cv::Mat out = sheet(around);
  if (out.cols < 400) cv::resize(out, out, cv::Size(), 400.0 / out.cols, 400.0 / out.cols, cv::INTER_NEAREST);
  cv::imwrite(dir + "/" + name + ".jpg", out);
}

struct SetTally {
  std::size_t plates = 0, at1 = 0, atk = 0, all = 0, read = 0;
  std::vector<double> candidates, reads, ms;
};

}  // namespace

int main(int argc, char** argv) {
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  Arguments args;
  std::vector<anpr::engine::TruthPlate> rows;
  try {
    args = parse(argc, argv);
    rows = anpr::engine::load_ground_truth(args.truth.csv);
  } catch (const EngineError& e) {
    std::cerr << "anpr-detect-recall: " << e.what() << "\n" << kUsage;
    return 1;
  }
  const std::filesystem::path root = std::filesystem::path(args.truth.csv).parent_path();
  if (!args.dump.empty()) std::filesystem::create_directories(args.dump);
  // Every candidate, not only the ones the engine reads, for recall@all.
  anpr::engine::DetectorOptions all_options;
  all_options.max_plates = 1000;
  all_options.min_relative_score = 0;

  std::map<std::string, SetTally> tallies;
  std::vector<std::string> misses;
  int status = 0;
  for (const auto& [set, images] : select_images(rows, args)) {
    SetTally& tally = tallies[set];
    for (const Image& image : images) {
      const std::string path = (root / image.path).string();
      const cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
      if (bgr.empty()) {
        std::cerr << "anpr-detect-recall: cannot open or decode image '" << path << "'\n";
        status = 2;
        continue;
      }
      cv::Mat gray;
      cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
      const double start = cpu_ms();
      std::vector<PlateDetection> found;
      std::vector<cv::Rect> boxes = image.boxes;
      if (image.crop) {
        const PlateDetection d = anpr::engine::locate_in_crop(gray, all_options);
        const cv::Rect whole(0, 0, gray.cols, gray.rows);
        const cv::Rect got = anpr::engine::bounding_box(d.outline, gray.size());
        const double inter = (whole & got).area();
        if (d.rows_found && inter / (whole.area() + got.area() - inter) >= 0.3) {
          found.push_back(d);
        }
        boxes = {whole};
      } else {
        found = anpr::engine::detect_plates(gray, all_options);
      }
      tally.ms.push_back(cpu_ms() - start);
      tally.candidates.push_back(static_cast<double>(found.size()));
      const std::size_t read = engine_reads(found, args.k, args.min_relative);
      tally.reads.push_back(static_cast<double>(read));
      for (std::size_t b = 0; b < boxes.size(); ++b) {
        const int rank = image.crop ? (found.empty() ? -1 : 0) : covering_rank(boxes[b], found, gray.size());
        ++tally.plates;
        tally.at1 += rank == 0;
        tally.atk += rank >= 0 && rank < static_cast<int>(args.k);
        tally.all += rank >= 0;
        tally.read += rank >= 0 && rank < static_cast<int>(read);
        if (rank < 0 || rank >= static_cast<int>(read)) {
          const cv::Rect& t = boxes[b];
          char line[512];
          std::snprintf(line, sizeof line, "  %s %s box %d,%d,%d,%d rank %d of %zu", set.c_str(), image.path.c_str(),
                        t.x, t.y, t.width, t.height, rank < 0 ? -1 : rank + 1, found.size());
          misses.push_back(line);
          if (!args.dump.empty() && !image.crop) {
            std::string name = image.path + "_" + std::to_string(b);
            std::replace(name.begin(), name.end(), '/', '_');
            dump_miss(args.dump, name, bgr, t, found, args.k);
          }
        }
      }
    }
  }

  std::printf("  %-20s %6s %7s %7s %7s %7s %6s %6s %8s %8s\n", "set", "plates", "@1", ("@" + std::to_string(args.k)).c_str(),
              "@all", "read", "cands", "reads", "ms med", "ms p90");
  for (const auto& [set, t] : tallies) {
    const double reads = t.reads.empty() ? 0.0 : std::accumulate(t.reads.begin(), t.reads.end(), 0.0) / t.reads.size();
    std::printf("  %-20s %6zu %7s %7s %7s %7s %6.0f %6.2f %8.1f %8.1f\n", set.c_str(), t.plates, anpr::engine::percent(t.at1, t.plates).c_str(),
                anpr::engine::percent(t.atk, t.plates).c_str(), anpr::engine::percent(t.all, t.plates).c_str(), anpr::engine::percent(t.read, t.plates).c_str(),
                anpr::engine::percentile(t.candidates, 0.5), reads, anpr::engine::percentile(t.ms, 0.5),
                anpr::engine::percentile(t.ms, 0.9));
  }
  std::printf("misses (not among the candidates the engine reads; rank -1 = not detected):\n");
  for (const std::string& miss : misses) std::printf("%s\n", miss.c_str());
  return status;
}
