// CLI argument helpers; see cli_args.h.
#include "edge/engine/cli_args.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <iostream>

#include "edge/engine/engine_error.h"
#include "edge/engine/ground_truth.h"

namespace anpr::engine {

std::size_t parse_count(std::string_view flag, std::string_view value) {
  std::size_t count = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
  if (error != std::errc() || end != value.data() + value.size() || count == 0) {
    throw EngineError(std::string(flag) + " needs a whole number of at least 1, not '" + std::string(value) + "'");
  }
  return count;
}

ReaderKind parse_reader_flag(std::string_view flag, std::string_view value) {
  try {
    return parse_reader_kind(value);
  } catch (const EngineError& e) {
    throw EngineError(std::string(flag) + ": " + e.what());
  }
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> items;
  std::string item;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ',') {
      if (!item.empty()) items.push_back(item);
      item.clear();
    } else if (!std::isspace(static_cast<unsigned char>(value[i]))) {
      item += value[i];
    }
  }
  return items;
}

void for_each_argument(int argc, char** argv, const ArgumentTaker& take) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    take(arg, [&]() -> std::string {
      if (i + 1 >= argc) throw EngineError(arg + " needs a value");
      return argv[++i];
    });
  }
}

bool parse_engine_flag(std::string_view flag, const std::function<std::string()>& value, EngineOptions& options) {
  if (flag == "--topn") {
    options.top_n = parse_count(flag, value());
  } else if (flag == "--country-hint") {
    options.country_hints = split_list(value());
    for (std::string& hint : options.country_hints) {
      for (char& c : hint) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  } else if (flag == "--reader") {
    options.reader_kind = parse_reader_flag(flag, value());
  } else if (flag == "--model") {
    options.crnn_models = split_list(value());
  } else if (flag == "--band-model") {
    const std::string model = value();
    options.band_model = model == "none" ? "" : model;
  } else if (flag == "--verifier-model") {
    const std::string model = value();
    options.verifier_model = model == "none" ? "" : model;
  } else if (flag == "--rows-only") {
    options.whole_plate = false;
  } else {
    return false;
  }
  return true;
}

bool parse_selection_arg(const std::string& arg, const std::function<std::string()>& value,
                         TruthSelection& selection) {
  if (arg == "--sets") {
    const std::vector<std::string> sets = split_list(value());
    selection.sets = std::set<std::string>(sets.begin(), sets.end());
  } else if (arg == "--limit-per-set") {
    selection.limit_per_set = parse_count(arg, value());
  } else if (arg.rfind("--", 0) == 0) {
    return false;
  } else if (selection.csv.empty()) {
    selection.csv = arg;
  } else {
    throw EngineError("more than one ground-truth file given");
  }
  return true;
}

void require_ground_truth(const TruthSelection& selection) {
  if (selection.csv.empty()) throw EngineError("no ground-truth file given");
}

TruthSelection parse_scoring_tool(int argc, char** argv, std::string_view usage, const ToolFlagTaker& take) {
  TruthSelection selection;
  for_each_argument(argc, argv, [&](const std::string& arg, const std::function<std::string()>& value) {
    if (take(arg, value)) return;
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
      std::exit(0);
    }
    if (!parse_selection_arg(arg, value, selection)) throw EngineError("unknown option " + arg);
  });
  require_ground_truth(selection);
  return selection;
}

}  // namespace anpr::engine
