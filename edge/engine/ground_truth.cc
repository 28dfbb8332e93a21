// Ground-truth CSV reading; see ground_truth.h.
#include "edge/engine/ground_truth.h"

#include <charconv>
#include <fstream>

#include "edge/engine/engine_error.h"

namespace anpr::engine {
namespace {

constexpr char kHeader[] = "image,plate,country,set,kind,x,y,w,h";

int parse_int(const std::string& field, const std::string& where) {
  int value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (error != std::errc() || end != field.data() + field.size()) {
    throw EngineError(where + ": '" + field + "' is not a whole number");
  }
  return value;
}

TruthPlate parse_row(const std::vector<std::string>& f, const std::string& where) {
  if (f.size() != 9) throw EngineError(where + ": expected 9 fields, found " + std::to_string(f.size()));
  if (f[0].empty() || f[1].empty() || f[3].empty()) throw EngineError(where + ": image, plate and set must be given");
  if (f[4] != "frame" && f[4] != "crop") throw EngineError(where + ": kind '" + f[4] + "' is neither frame nor crop");
  TruthPlate t{f[0], f[1], f[2], f[3], f[4] == "crop", std::nullopt};
  const bool any_box = !f[5].empty() || !f[6].empty() || !f[7].empty() || !f[8].empty();
  if (any_box) {
    const cv::Rect box(parse_int(f[5], where), parse_int(f[6], where), parse_int(f[7], where),
                       parse_int(f[8], where));
    if (box.width <= 0 || box.height <= 0) throw EngineError(where + ": box has no area");
    t.box = box;
  }
  return t;
}

}  // namespace

std::vector<std::string> split_csv_record(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) throw EngineError("unterminated quoted field in CSV record '" + line + "'");
  return fields;
}

std::vector<TruthPlate> load_ground_truth(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw EngineError("cannot open ground truth '" + path + "'");
  std::string line;
  if (!std::getline(in, line) || split_csv_record(line) != split_csv_record(kHeader)) {
    throw EngineError(path + ":1: header is not '" + std::string(kHeader) + "'");
  }
  std::vector<TruthPlate> plates;
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty() || line == "\r") continue;
    const std::string where = path + ":" + std::to_string(number);
    try {
      plates.push_back(parse_row(split_csv_record(line), where));
    } catch (const EngineError& e) {
      const std::string message = e.what();
      throw EngineError(message.rfind(where, 0) == 0 ? message : where + ": " + message);
    }
  }
  return plates;
}

std::map<std::string, std::vector<TruthImage>> group_by_image(const std::vector<TruthPlate>& rows,
                                                              const std::set<std::string>& sets,
                                                              std::optional<std::size_t> limit_per_set) {
  std::map<std::string, std::vector<TruthImage>> by_set;
  std::map<std::string, std::size_t> index;
  for (const TruthPlate& row : rows) {
    if (!sets.empty() && !sets.count(row.set)) continue;
    auto& images = by_set[row.set];
    const auto [at, fresh] = index.try_emplace(row.set + "\n" + row.image, images.size());
    if (fresh) images.push_back({row.image, {}});
    images[at->second].plates.push_back(row);
  }
  if (limit_per_set) {
    for (auto& [set, images] : by_set) {
      if (images.size() <= *limit_per_set) continue;
      std::vector<TruthImage> spread;
      for (std::size_t k = 0; k < *limit_per_set; ++k) spread.push_back(images[k * images.size() / *limit_per_set]);
      images.swap(spread);
    }
  }
  return by_set;
}

}  // namespace anpr::engine
