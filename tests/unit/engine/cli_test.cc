// anpr-read and anpr-eval as processes: one JSON line per image, an error
// line and exit status 2 for a corrupt JPEG without stopping the run, file
// names escaped, and an evaluation of a drawn set scored as read; and the
// argument parsing they share (cli_args.h).
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "edge/engine/cli_args.h"
#include "edge/engine/engine_error.h"
#include "tests/unit/engine/render_plate.h"

namespace anpr::engine {
namespace {

TEST(CliArgs, ListsSplitAtCommasAndHintsAreUpperCased) {
  EXPECT_EQ(split_list("ro-robertlucian, uc3m-lp,,"), (std::vector<std::string>{"ro-robertlucian", "uc3m-lp"}));
  TruthSelection selection;
  const auto sets = [] { return std::string("b,,a"); };
  EXPECT_TRUE(parse_selection_arg("--sets", sets, selection));
  EXPECT_EQ(selection.sets, (std::set<std::string>{"a", "b"}));
  EngineOptions options;
  EXPECT_TRUE(parse_engine_flag("--country-hint", [] { return std::string("lv, Lt"); }, options));
  EXPECT_EQ(options.country_hints, (std::vector<std::string>{"LV", "LT"}));
}

TEST(CliArgs, AScoringToolTakesItsFlagsTheSelectionAndRefusesTheRest) {
  std::string k;
  const ToolFlagTaker take_k = [&](const std::string& arg, const std::function<std::string()>& value) {
    if (arg != "--k") return false;
    k = value();
    return true;
  };
  const auto parse = [&](std::vector<std::string> words) {
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    return parse_scoring_tool(static_cast<int>(argv.size()), argv.data(), "usage", take_k);
  };
  const TruthSelection selection = parse({"tool", "--k", "3", "truth.csv", "--sets", "a"});
  EXPECT_EQ(k, "3");
  EXPECT_EQ(selection.csv, "truth.csv");
  EXPECT_EQ(selection.sets, (std::set<std::string>{"a"}));
  EXPECT_THROW(parse({"tool", "truth.csv", "--bogus"}), EngineError);
  EXPECT_THROW(parse({"tool", "--k", "3"}), EngineError) << "no ground-truth file";
  EXPECT_THROW(parse({"tool", "truth.csv", "--k"}), EngineError) << "a flag without its value";
}

struct Outcome {
  int status = -1;
  std::string output;
};

Outcome run(const std::string& command) {
  Outcome result;
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.output += buffer;
  const int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("anpr_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string scene(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    cv::imwrite(path, testing::render_scene(text, {}, {640, 360}, {320, 190}));
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(Cli, ReadPrintsOneJsonLinePerImageAndFlagsCorruptFiles) {
  const std::string good = scene("we\"ird.png", "AB-1234");
  const std::string corrupt = (dir_ / "corrupt.jpg").string();
  std::ofstream(corrupt, std::ios::binary) << std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF garbage garbage", 24);
  const Outcome r = run(std::string(ANPR_READ_BINARY) + " --topn 3 '" + good + "' '" + corrupt + "'");
  EXPECT_EQ(r.status, 2);
  const std::size_t newline = r.output.find('\n');
  ASSERT_NE(newline, std::string::npos) << r.output;
  const std::string first = r.output.substr(0, newline), second = r.output.substr(newline + 1);
  EXPECT_EQ(first.rfind("{\"image\": \"" + (dir_ / "we\\\"ird.png").string() + "\", \"ms\": ", 0), 0u) << first;
  EXPECT_NE(first.find("\"plates\": [{\"text\": \"AB1234\", \"display\": \"AB-1234\", \"country\": \"LV\""),
            std::string::npos)
      << first;
  EXPECT_EQ(second.rfind("{\"image\": \"" + corrupt + "\", \"error\": \"", 0), 0u) << second;
  EXPECT_EQ(second.back(), '\n');
  EXPECT_EQ(second.find('\n'), second.size() - 1) << "more than two lines: " << r.output;
}

TEST_F(Cli, ReadSucceedsWhenEveryImageReads) {
  const Outcome r = run(std::string(ANPR_READ_BINARY) + " '" + scene("a.png", "KLM 482") + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.output.find("\"text\": \"KLM482\""), std::string::npos) << r.output;
}

TEST_F(Cli, ReadRejectsBadArguments) {
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY)).status, 1);
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY) + " --topn 0 x.png").status, 1);
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY) + " --country-hint XX x.png").status, 1);
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY) + " --reader easyocr x.png").status, 1);
  EXPECT_EQ(run(std::string(ANPR_EVAL_BINARY) + " --reader easyocr truth.csv").status, 1);
  // A flag at the end without its value, and a strip model that is not there.
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY) + " x.png --topn").status, 1);
  EXPECT_EQ(run(std::string(ANPR_READ_BINARY) + " --band-model /nonexistent/eu_band.onnx x.png").status, 1);
}

TEST_F(Cli, ReadTakesEitherReader) {
  const std::string image = scene("a.png", "KLM 482");
  for (const std::string reader : {"tesseract", "crnn"}) {
    const Outcome r = run(std::string(ANPR_READ_BINARY) + " --reader " + reader + " '" + image + "'");
    EXPECT_EQ(r.status, 0) << reader;
    EXPECT_NE(r.output.find("\"text\": \"KLM482\""), std::string::npos) << reader << ": " << r.output;
  }
}

TEST_F(Cli, EvalScoresADrawnSet) {
  scene("one.png", "AB-1234");
  cv::imwrite((dir_ / "crop.png").string(), testing::render_plate("XY-5678", {}));
  std::ofstream(dir_ / "truth.csv") << "image,plate,country,set,kind,x,y,w,h\n"
                                       "one.png,AB-1234,LV,drawn,frame,,,,\n"
                                       "crop.png,XY-5678,LV,drawn,crop,,,,\n"
                                       "one.png,QQ-9999,LV,other,frame,,,,\n";
  const Outcome r = run(std::string(ANPR_EVAL_BINARY) + " '" + (dir_ / "truth.csv").string() + "' --topn 3");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("drawn                       2  100.0%  100.0%  100.0%"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("other                       1  100.0%    0.0%    0.0%"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("truth \"QQ-9999\"  read \"AB1234\""), std::string::npos) << r.output;
}

}  // namespace
}  // namespace anpr::engine
