// Floors on real images from ../shared/datasets/real-dev (never copied into
// the repository): detection and reading must not silently fall below what
// docs/recognition.md reports, and the sticker remover (ink_gray.h) must act
// on the real plates it was made for and on nothing else. Skipped where the
// shared data is absent.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "edge/engine/engine.h"
#include "edge/engine/eval_score.h"
#include "edge/engine/ground_truth.h"
#include "edge/engine/ink_gray.h"

namespace anpr::engine {
namespace {

// ANPR_SHARED_DIR, else ../shared beside the checkout named by
// ANPR_SOURCE_DIR (the same place; ctest may pass only the first variable).
std::filesystem::path real_dev() {
  std::filesystem::path shared;
  if (const char* dir = std::getenv("ANPR_SHARED_DIR")) {
    shared = dir;
  } else if (const char* source = std::getenv("ANPR_SOURCE_DIR")) {
    shared = std::filesystem::path(source) / ".." / "shared";
  }
  return shared.empty() ? shared : shared / "datasets" / "real-dev";
}

bool have_real_dev() { return !real_dev().empty() && std::filesystem::exists(real_dev() / "groundtruth.csv"); }

cv::Mat real_image(const std::string& image) {
  const cv::Mat frame = cv::imread((real_dev() / image).string());
  if (frame.empty()) throw std::runtime_error("cannot read " + image);
  return frame;
}

TEST(RealDev, NightFramesAreFoundAndRead) {
  const std::filesystem::path root = real_dev();
  if (!have_real_dev()) {
    GTEST_SKIP() << "ANPR_SHARED_DIR/datasets/real-dev is absent; real-image floors not checked";
  }
  Engine engine({});
  Tally tally;
  int images = 0;
  // Every 8th labelled frame of the dash-cam set: 40-odd frames, a few seconds.
  for (const TruthPlate& truth : load_ground_truth((root / "groundtruth.csv").string())) {
    if (truth.set != "ro-robertlucian" || images++ % 8 != 0) continue;
    const cv::Mat frame = cv::imread((root / truth.image).string());
    ASSERT_FALSE(frame.empty()) << truth.image;
    const std::vector<TruthPlate> one = {truth};
    tally.add(score_image(one, engine.read(frame)).front());
  }
  ASSERT_GT(tally.plates, 30u);
  EXPECT_GE(static_cast<double>(tally.found) / tally.plates, 0.55) << tally.found << " of " << tally.plates;
  EXPECT_GE(static_cast<double>(tally.top1) / tally.plates, 0.30) << tally.top1 << " of " << tally.plates;
}

TEST(RealDev, HungarianStickersAreRemovedAndColourCastPlatesLeftAlone) {
  const char* images[] = {"images/hu-openalpr-to-lv/00003.jpg", "images/hu-openalpr-to-lv/00028.jpg",
                          "images/ro-robertlucian/00004.jpg"};
  if (!have_real_dev() || !std::all_of(std::begin(images), std::end(images), [](const char* image) {
        return std::filesystem::exists(real_dev() / image);
      })) {
    GTEST_SKIP() << "the Hungarian and Romanian images of ANPR_SHARED_DIR/datasets/real-dev are absent; "
                    "sticker remover not checked on real plates";
  }
  // `THE-156`: a red sticker over the hyphen, a green one under it (read `THE8156` with them).
  const cv::Mat hungarian = real_image("images/hu-openalpr-to-lv/00003.jpg")(cv::Rect(264, 373, 270, 63));
  cv::Mat plain;
  cv::cvtColor(hungarian, plain, cv::COLOR_BGR2GRAY);
  EXPECT_GT(cv::countNonZero(ink_gray(hungarian) != plain), 100);
  Engine engine({});
  // `ABQ-062` has a red sticker over the hyphen and a gray stamp under it (read `ABQ8062`).
  for (const auto& [image, text] : {std::pair{"images/hu-openalpr-to-lv/00003.jpg", "THE156"},
                                    std::pair{"images/hu-openalpr-to-lv/00028.jpg", "ABQ062"}}) {
    const std::vector<PlateRead> reads = engine.read(real_image(image));
    ASSERT_FALSE(reads.empty()) << image;
    EXPECT_EQ(reads.front().text, text) << image;
  }
  // `B 21 GSB` at night through a magenta cast: the colour fringes of its `B`
  // are no stickers (taken for a pair, the `B` is read `3`).
  const std::vector<PlateRead> reads = engine.read(real_image("images/ro-robertlucian/00004.jpg"));
  ASSERT_FALSE(reads.empty());
  EXPECT_EQ(reads.front().text, "B21GSB");
}

}  // namespace
}  // namespace anpr::engine
