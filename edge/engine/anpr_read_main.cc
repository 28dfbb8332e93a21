// anpr-read: the engine on image files, one JSON line per image (see
// plate_json.h), for operators checking a camera and for scripts. A file that
// cannot be read gets an error line and the run goes on; the exit status says
// whether any did (2), so batch jobs notice without parsing every line.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

#include "edge/engine/cli_args.h"
#include "edge/engine/engine.h"
#include "edge/engine/engine_error.h"
#include "edge/engine/plate_json.h"

namespace {

constexpr char kUsage[] =
    "usage: anpr-read [ENGINE FLAGS] [--crop] IMAGE...\n"
    "  Prints one JSON object per image per line. --crop: every image is one plate\n"
    "  already cut out, so plate search is skipped. Exit status 2 if any image failed.\n";

struct Arguments {
  anpr::engine::EngineOptions engine;
  bool crops = false;
  std::vector<std::string> images;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  anpr::engine::for_each_argument(argc, argv, [&](const std::string& arg, const auto& value) {
    if (anpr::engine::parse_engine_flag(arg, value, args.engine)) return;
    if (arg == "--crop") {
      args.crops = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage << anpr::engine::kEngineFlagsUsage;
      std::exit(0);
    } else if (arg.rfind("--", 0) == 0) {
      throw anpr::engine::EngineError("unknown option " + arg);
    } else {
      args.images.push_back(arg);
    }
  });
  if (args.images.empty()) throw anpr::engine::EngineError("no image given");
  return args;
}

// The JSON line for one image; throws EngineError when it cannot be read.
std::string read_image(anpr::engine::Engine& engine, const std::string& path, bool crop) {
  const cv::Mat image = cv::imread(path, cv::IMREAD_COLOR);
  if (image.empty()) throw anpr::engine::EngineError("cannot open or decode image '" + path + "'");
  const auto start = std::chrono::steady_clock::now();
  const std::vector<anpr::engine::PlateRead> reads = crop ? engine.read_crop(image) : engine.read(image);
  const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
  return anpr::engine::image_result_json(path, ms.count(), reads);
}

}  // namespace

int main(int argc, char** argv) {
  // Unreadable files are reported in our own output; OpenCV's warnings about
  // them on stderr would only repeat it.
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  Arguments args;
  try {
    args = parse(argc, argv);
  } catch (const anpr::engine::EngineError& e) {
    std::cerr << "anpr-read: " << e.what() << "\n" << kUsage;
    return 1;
  }
  std::optional<anpr::engine::Engine> engine;
  try {
    engine.emplace(args.engine);
  } catch (const anpr::engine::EngineError& e) {
    std::cerr << "anpr-read: " << e.what() << "\n";
    return 1;
  }
  bool failed = false;
  for (const std::string& path : args.images) {
    try {
      std::cout << read_image(*engine, path, args.crops) << "\n" << std::flush;
    } catch (const std::exception& e) {
      failed = true;
      std::cout << anpr::engine::image_error_json(path, e.what()) << "\n" << std::flush;
    }
  }
  return failed ? 2 : 0;
}
