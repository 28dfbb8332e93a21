// anpr-crnn-eval: the learned reader against Tesseract on labelled images,
// each plate detected and rectified once and read by both, then identified
// and scored exactly as anpr-eval scores the engine (eval_score.h). It stands
// in for anpr-eval until the Engine can be told which reader to use, and is
// how the figures of docs/recognition-learned.md were measured.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/cli_args.h"
#include "edge/engine/crnn_reader.h"
#include "edge/engine/engine.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/eval_score.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/plate_identifier.h"
#include "edge/engine/text_candidates.h"

namespace {

using namespace anpr::engine;

constexpr char kUsage[] =
    "usage: anpr-crnn-eval MODEL.onnx GROUNDTRUTH.csv [--sets A,B] [--limit-per-set K] [--misses]\n"
    "  Per set and reader: found, top-1, top-5 (eval_score.h rules) and median ms per row read.\n";

struct ReaderScore {
  Tally tally;
  std::vector<double> row_ms;
};

// What Engine::read_detection does, with the reader as a parameter.
template <typename Reader>
PlateRead read_plate(Reader& reader, const cv::Mat& bgr, const PlateDetection& detection,
                     const EngineOptions& options, std::vector<double>& row_ms) {
  const RectifiedPlate plate = rectify(bgr, detection, options.rectifier);
  LineReading positions;
  for (const cv::Mat& row : plate.rows) {
    const auto start = std::chrono::steady_clock::now();
    LineReading row_positions = reader.read(row);
    row_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    positions.insert(positions.end(), row_positions.begin(), row_positions.end());
  }
  const std::vector<TextCandidate> texts = best_texts(positions, std::max<std::size_t>(options.top_n * 4, 16));
  Identification id = identify_plate(texts, options.country_hints, plate.eu_band, options.top_n);
  PlateRead read;
  if (id.text.size() < options.min_length || id.confidence < options.min_confidence) return read;
  read.text = std::move(id.text);
  read.confidence = id.confidence;
  read.candidates = std::move(id.candidates);
  read.corners = detection.outline.corners;
  read.box = bounding_box(detection.outline, bgr.size());
  return read;
}

template <typename Reader>
std::vector<PlateRead> read_all(Reader& reader, const cv::Mat& bgr, const std::vector<PlateDetection>& detections,
                                const EngineOptions& options, std::vector<double>& row_ms) {
  std::vector<PlateRead> reads;
  for (const PlateDetection& d : detections) {
    PlateRead r = read_plate(reader, bgr, d, options, row_ms);
    if (!r.text.empty()) reads.push_back(std::move(r));
  }
  std::stable_sort(reads.begin(), reads.end(),
                   [](const PlateRead& a, const PlateRead& b) { return a.confidence > b.confidence; });
  return reads;
}

std::string percent(std::size_t n, std::size_t of) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", of == 0 ? 0.0 : 100.0 * static_cast<double>(n) / static_cast<double>(of));
  return text;
}

std::string summary(const ReaderScore& score) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.2f ms/row", percentile(score.row_ms, 0.5));
  return "found " + percent(score.tally.found, score.tally.plates) + " top-1 " +
         percent(score.tally.top1, score.tally.plates) + " top-5 " + percent(score.tally.topn, score.tally.plates) +
         ", " + ms;
}

int run(int argc, char** argv) {
  std::vector<std::string> positional;
  std::set<std::string> sets;
  std::size_t limit = 0;
  bool misses = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sets" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string name; std::getline(list, name, ',');) {
        if (!name.empty()) sets.insert(name);
      }
    } else if (arg == "--limit-per-set" && i + 1 < argc) {
      limit = parse_count(arg, argv[++i]);
    } else if (arg == "--misses") {
      misses = true;
    } else if (arg.rfind("--", 0) == 0) {
      throw EngineError("unknown or incomplete option " + arg + "\n" + kUsage);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) throw EngineError(std::string("need a model and a ground-truth file\n") + kUsage);
  cv::setNumThreads(1);  // timings are per core, as on the camera box
  const std::filesystem::path root = std::filesystem::path(positional[1]).parent_path();
  std::map<std::string, std::map<std::string, std::vector<TruthPlate>>> by_set;  // set -> image -> plates
  for (TruthPlate& t : load_ground_truth(positional[1])) {
    if (sets.empty() || sets.count(t.set)) by_set[t.set][t.image].push_back(std::move(t));
  }
  for (const std::string& name : sets) {
    if (!by_set.count(name)) throw EngineError("set " + name + " has no plates in " + positional[1]);
  }
  EngineOptions options;
  CrnnReader crnn(positional[0]);
  TesseractReader tesseract(options.reader);
  ReaderScore all_c, all_t;
  for (const auto& [set, images] : by_set) {
    ReaderScore c, t;
    const std::size_t step = limit == 0 ? 1 : std::max<std::size_t>(1, images.size() / limit);
    std::size_t index = 0;
    for (const auto& [image, truths] : images) {
      if (index++ % step != 0) continue;
      const cv::Mat bgr = cv::imread((root / image).string(), cv::IMREAD_COLOR);
      if (bgr.empty()) throw EngineError("cannot decode " + (root / image).string());
      cv::Mat gray;
      cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
      const std::vector<PlateDetection> detections =
          truths.front().crop ? std::vector<PlateDetection>{locate_in_crop(gray, options.detector)}
                              : detect_plates(gray, options.detector);
      const std::vector<PlateOutcome> oc = score_image(truths, read_all(crnn, bgr, detections, options, c.row_ms));
      const std::vector<PlateOutcome> ot =
          score_image(truths, read_all(tesseract, bgr, detections, options, t.row_ms));
      for (std::size_t i = 0; i < truths.size(); ++i) {
        c.tally.add(oc[i]);
        t.tally.add(ot[i]);
        if (misses && !oc[i].top1) {
          std::cout << "  miss " << image << " truth " << truths[i].plate << " crnn '" << oc[i].read
                    << "' tesseract '" << ot[i].read << "'\n";
        }
      }
    }
    std::cout << set << ": " << c.tally.plates << " plates | CRNN " << summary(c) << " | Tesseract " << summary(t)
              << "\n";
    for (auto [from, to] : {std::pair{&c, &all_c}, std::pair{&t, &all_t}}) {
      to->tally.plates += from->tally.plates;
      to->tally.found += from->tally.found;
      to->tally.top1 += from->tally.top1;
      to->tally.topn += from->tally.topn;
      to->row_ms.insert(to->row_ms.end(), from->row_ms.begin(), from->row_ms.end());
    }
  }
  if (by_set.size() > 1) {
    std::cout << "all: " << all_c.tally.plates << " plates | CRNN " << summary(all_c) << " | Tesseract "
              << summary(all_t) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "anpr-crnn-eval: " << e.what() << "\n";
    return 2;
  }
}
