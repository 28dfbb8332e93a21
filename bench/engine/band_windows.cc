// anpr-band-windows: the strip windows the engine would classify, cut from a
// labelled set, as training and scoring data for the strip classifier
// (band_classifier.h, tools/train/train_band.py). Cutting them here, with
// the engine's own detector and band_window, keeps the training windows
// exactly what the engine sees at run time, misplaced rows included.
//
// For each plate whose row the detector finds (crops: locate_in_crop's row;
// frames: a detection matching the labelled box by anpr-eval's rule) it writes
// the window beside the lowest row, labelled with the plate's country, and a
// window as far right as it reaches left (inside the text: no strip there),
// labelled "". Detections in frames that match no labelled plate are written
// labelled "" too.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/band_classifier.h"
#include "edge/engine/cli_args.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/eval_score.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_detector.h"

namespace {

using anpr::engine::EngineError;
using anpr::engine::PlateDetection;
using anpr::engine::Quad;

constexpr char kUsage[] =
    "usage: anpr-band-windows GROUNDTRUTH.csv --out DIR [--sets A,B] [--limit-per-set K]\n"
    "  Writes DIR/NNNNNN.png strip windows and DIR/labels.csv (file,label,set,image).\n";

struct Arguments {
  anpr::engine::TruthSelection truth;
  std::string out;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  args.truth = anpr::engine::parse_scoring_tool(argc, argv, kUsage, [&](const std::string& arg, const auto& value) {
    if (arg != "--out") return false;
    args.out = value();
    return true;
  });
  if (args.out.empty()) throw EngineError("--out DIR is required");
  return args;
}

// The label a plate of `country` carries: its code where the classifier
// knows it, else "" (no strip, or one it was not taught).
std::string label_of(const std::string& country) {
  for (std::string_view c : anpr::engine::kBandClasses) {
    if (c == country) return country;
  }
  return "";
}

// `row` moved right along itself by more than the window is wide, so the
// window lies inside the text: no strip in it.
Quad inside_text(const Quad& row) {
  const float h = anpr::engine::quad_height(row);
  return anpr::engine::grown(row, -3.9f * h, 3.9f * h, 0, 0);
}

class Writer {
 public:
  explicit Writer(const std::string& dir) : dir_(dir), labels_(dir + "/labels.csv") {
    if (!labels_) throw EngineError("cannot write " + dir + "/labels.csv");
    labels_ << "file,label,set,image\n";
  }
  void write(const cv::Mat& window, const std::string& label, const std::string& set, const std::string& image) {
    char name[32];
    std::snprintf(name, sizeof name, "%06zu.png", count_++);
    if (!cv::imwrite(dir_ + "/" + name, window)) throw EngineError("cannot write " + dir_ + "/" + name);
    labels_ << name << "," << label << "," << set << "," << image << "\n";
  }
  std::size_t count() const { return count_; }

 private:
  std::string dir_;
  std::ofstream labels_;
  std::size_t count_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  try {
    const Arguments args = parse(argc, argv);
    const std::vector<anpr::engine::TruthPlate> rows = anpr::engine::load_ground_truth(args.truth.csv);
    const std::filesystem::path root = std::filesystem::path(args.truth.csv).parent_path();
    std::filesystem::create_directories(args.out);
    Writer out(args.out);
    const anpr::engine::DetectorOptions options;
    for (const auto& [set, images] : anpr::engine::group_by_image(rows, args.truth.sets, args.truth.limit_per_set)) {
      for (const anpr::engine::TruthImage& image : images) {
        const cv::Mat bgr = cv::imread((root / image.image).string(), cv::IMREAD_COLOR);
        if (bgr.empty()) {
          std::cerr << "anpr-band-windows: cannot decode " << image.image << ", skipped\n";
          continue;
        }
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        const auto emit = [&](const Quad& row, const std::string& label) {
          out.write(anpr::engine::band_window(bgr, row), label, set, image.image);
          out.write(anpr::engine::band_window(bgr, inside_text(row)), "", set, image.image);
        };
        if (image.plates.front().crop) {
          const PlateDetection d = anpr::engine::locate_in_crop(gray, options);
          // The engine classifies no strip beside the whole-image fallback.
          if (d.rows_found) {
            emit(d.rows.back(), label_of(image.plates.front().country));
          }
          continue;
        }
        for (const PlateDetection& d : anpr::engine::detect_plates(gray, options)) {
          if (d.rows.empty()) continue;
          const cv::Rect found = anpr::engine::bounding_box(d.outline, bgr.size());
          std::string label;
          for (const anpr::engine::TruthPlate& plate : image.plates) {
            if (plate.box && anpr::engine::box_matches(*plate.box, found)) label = label_of(plate.country);
          }
          emit(d.rows.back(), label);
        }
      }
    }
    std::cerr << "anpr-band-windows: " << out.count() << " windows in " << args.out << "\n";
  } catch (const std::exception& e) {
    std::cerr << "anpr-band-windows: " << e.what() << "\n" << kUsage;
    return 1;
  }
  return 0;
}
