// The shared ground-truth format of ../shared/datasets (README there):
// image,plate,country,set,kind,x,y,w,h, one row per labelled plate. anpr-eval
// reads it; parsing is separate so a malformed file is reported by line
// rather than scored as misses.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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

// The labelled plates of one image, in CSV order.
struct TruthImage {
  std::string image;  // as written in the CSV
  std::vector<TruthPlate> plates;
};

// `rows` grouped by image, per set in CSV order: only the sets in `sets`
// (every set when empty) and, with `limit_per_set`, that many images spread
// evenly over each set, so every tool that samples a set samples the same
// images.
std::map<std::string, std::vector<TruthImage>> group_by_image(const std::vector<TruthPlate>& rows,
                                                              const std::set<std::string>& sets,
                                                              std::optional<std::size_t> limit_per_set);

// One CSV record split into fields; double-quoted fields may hold commas and
// "" for a quote. Throws EngineError on an unterminated quote.
std::vector<std::string> split_csv_record(const std::string& line);

}  // namespace anpr::engine
