// The shared ground-truth format of ../shared/datasets (README there):
// image,plate,country,set,kind,x,y,w,h, one row per labelled plate. anpr-eval
// reads it; parsing is separate so a malformed file is reported by line
// rather than scored as misses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace anpr::engine {

struct TruthPlate {
  std::string image;    // as written: relative to the CSV's folder
  std::string plate;    // as written on the plate; '?' = hidden character
  std::string country;  // ISO alpha-2, empty when unknown
  std::string set;
  bool crop = false;    // kind=crop: the image is already the plate
  std::optional<cv::Rect> box;
};

// Every row of the CSV at `path` after the header. Throws EngineError naming
// the file and line for an unreadable file, a wrong header or a bad row.
std::vector<TruthPlate> load_ground_truth(const std::string& path);

// One CSV record split into fields; double-quoted fields may hold commas and
// "" for a quote. Throws EngineError on an unterminated quote.
std::vector<std::string> split_csv_record(const std::string& line);

}  // namespace anpr::engine
