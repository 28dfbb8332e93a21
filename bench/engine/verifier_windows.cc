// anpr-verifier-windows: the candidate windows the engine's verifier judges
// (candidate_verifier.h), cut from labelled frames with the engine's own
// detector, as the verifier's training and scoring data
// (tools/train/train_verifier.py). Cutting them here keeps the training
// windows exactly what the engine sees at run time.
//
// For each frame it takes the spares the engine hands the verifier (--spares
// beyond the detector's limits, DetectorOptions::max_spare) and, as more
// pictures of the same kind to learn from, the candidates the detector keeps
// (the light-ground ones aside), and writes each window labelled 1 when it
// is a labelled plate: its box overlaps the plate's by IoU >= 0.4, a
// stricter rule than anpr-eval's (IoU >= 0.3 or either centre inside the
// other), which also takes a group of the text or a box reaching far past
// the plate, and the verifier must not promote those (a two-row candidate,
// half of it above a Romanian plate, read `SB9` beside `SB90TZI`). The IoU
// and whether the candidate is a spare are written too. Frames of a plate-free set (anpr-synth empty: an images.txt
// and no plates) give windows labelled 0 only. Crops are skipped: a crop
// holds one candidate, the plate.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/candidate_verifier.h"
#include "edge/engine/cli_args.h"
#include "edge/engine/engine.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_detector.h"

namespace {

using anpr::engine::EngineError;
using anpr::engine::PlateDetection;

constexpr char kUsage[] =
    "usage: anpr-verifier-windows GROUNDTRUTH.csv --out DIR [--sets A,B] [--limit-per-set K] [--spares N]\n"
    "       anpr-verifier-windows --plate-free IMAGES.txt --out DIR [--spares N]\n"
    "  Writes DIR/NNNNNN.png candidate windows and DIR/labels.csv (file,label,iou,spare,rank,score,set,image);\n"
    "  N defaults to the engine's spare_candidates.\n";

struct Arguments {
  anpr::engine::TruthSelection truth;
  std::string plate_free;
  std::string out;
  int spares = anpr::engine::EngineOptions{}.spare_candidates;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  const auto flag = [&](const std::string& arg, const auto& value) {
    if (arg == "--out") {
      args.out = value();
    } else if (arg == "--spares") {
      args.spares = static_cast<int>(anpr::engine::parse_count(arg, value()));
    } else if (arg == "--plate-free") {
      args.plate_free = value();
    } else {
      return false;
    }
    return true;
  };
  if (argc > 1 && std::string(argv[1]) == "--plate-free") {
    // No ground truth: parse the flags alone.
    for (int i = 1; i < argc; i += 2) {
      if (i + 1 >= argc || !flag(argv[i], [&] { return std::string(argv[i + 1]); })) {
        throw EngineError(std::string("unexpected argument '") + argv[i] + "'");
      }
    }
  } else {
    args.truth = anpr::engine::parse_scoring_tool(argc, argv, kUsage, flag);
  }
  if (args.out.empty()) throw EngineError("--out DIR is required");
  return args;
}

constexpr double kPlateIou = 0.4;

class Writer {
 public:
  explicit Writer(const std::string& dir) : dir_(dir), labels_(dir + "/labels.csv") {
    if (!labels_) throw EngineError("cannot write " + dir + "/labels.csv");
    labels_ << "file,label,iou,spare,rank,score,set,image\n";
  }
  void write(const cv::Mat& window, double iou, const PlateDetection& d, std::size_t rank, const std::string& set,
             const std::string& image) {
    char name[32];
    std::snprintf(name, sizeof name, "%06zu.png", count_++);
    if (!cv::imwrite(dir_ + "/" + name, window)) throw EngineError("cannot write " + dir_ + "/" + name);
    labels_ << name << "," << (iou >= kPlateIou ? 1 : 0) << "," << iou << "," << (d.spare ? 1 : 0) << "," << rank
            << "," << d.score << "," << set << "," << image << "\n";
  }
  std::size_t count() const { return count_; }

 private:
  std::string dir_;
  std::ofstream labels_;
  std::size_t count_ = 0;
};

// Writes the windows of `path`'s first candidates, labelled by `boxes`.
void cut(Writer& out, const std::string& path, const std::string& name, const std::string& set,
         const std::vector<cv::Rect>& boxes, const anpr::engine::DetectorOptions& options) {
  const cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
  if (bgr.empty()) {
    std::cerr << "anpr-verifier-windows: cannot decode " << path << ", skipped\n";
    return;
  }
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  std::size_t rank = 0;
  for (const PlateDetection& d : anpr::engine::detect_plates(gray, options)) {
    if (d.from_ground) continue;
    const cv::Rect found = anpr::engine::bounding_box(d.outline, bgr.size());
    double iou = 0;
    for (const cv::Rect& box : boxes) {
      const double inter = (box & found).area();
      iou = std::max(iou, inter / std::max(1.0, box.area() + found.area() - inter));
    }
    out.write(anpr::engine::candidate_window(bgr, d.outline), iou, d, rank++, set, name);
  }
}

}  // namespace

int main(int argc, char** argv) {
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  try {
    const Arguments args = parse(argc, argv);
    std::filesystem::create_directories(args.out);
    Writer out(args.out);
    // The candidates the engine hands the verifier (engine.cc).
    anpr::engine::DetectorOptions options;
    options.max_spare = args.spares;
    if (!args.plate_free.empty()) {
      const std::filesystem::path root = std::filesystem::path(args.plate_free).parent_path();
      std::ifstream list(args.plate_free);
      if (!list) throw EngineError("cannot read " + args.plate_free);
      for (std::string line; std::getline(list, line);) {
        if (!line.empty()) cut(out, (root / line).string(), line, "plate-free", {}, options);
      }
    } else {
      const std::vector<anpr::engine::TruthPlate> rows = anpr::engine::load_ground_truth(args.truth.csv);
      const std::filesystem::path root = std::filesystem::path(args.truth.csv).parent_path();
      for (const auto& [set, images] : anpr::engine::group_by_image(rows, args.truth.sets, args.truth.limit_per_set)) {
        for (const anpr::engine::TruthImage& image : images) {
          if (image.plates.front().crop) continue;
          std::vector<cv::Rect> boxes;
          for (const anpr::engine::TruthPlate& plate : image.plates) {
            if (plate.box) boxes.push_back(*plate.box);
          }
          // A frame whose plates carry no boxes cannot label its candidates.
          if (boxes.size() == image.plates.size()) {
            cut(out, (root / image.image).string(), image.image, set, boxes, options);
          }
        }
      }
    }
    std::cerr << "anpr-verifier-windows: " << out.count() << " windows in " << args.out << "\n";
  } catch (const std::exception& e) {
    std::cerr << "anpr-verifier-windows: " << e.what() << "\n" << kUsage;
    return 1;
  }
  return 0;
}
