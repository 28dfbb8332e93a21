// The shared ground-truth CSV: rows with and without boxes, quoting, and
// errors that name the file and line.
#include "edge/engine/ground_truth.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "edge/engine/engine_error.h"

namespace anpr::engine {
namespace {

class GroundTruthFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("anpr_gt_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string write(const std::string& text) {
    std::ofstream(path_) << text;
    return path_.string();
  }
  std::filesystem::path path_;
};

TEST_F(GroundTruthFile, ReadsFramesAndCrops) {
  const std::string path = write(
      "image,plate,country,set,kind,x,y,w,h\n"
      "images/a/1.jpg,B 21 GSB,RO,ro,frame,549,486,124,30\n"
      "images/b/2.jpg,074? C?V,ES,uc3m,crop,,,,\n"
      "\"images/c/3,x.jpg\",\"AB \"\"1\"\"\",,misc,frame,,,,\r\n");
  const std::vector<TruthPlate> rows = load_ground_truth(path);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].image, "images/a/1.jpg");
  EXPECT_EQ(rows[0].plate, "B 21 GSB");
  EXPECT_EQ(rows[0].country, "RO");
  EXPECT_FALSE(rows[0].crop);
  ASSERT_TRUE(rows[0].box.has_value());
  EXPECT_EQ(*rows[0].box, cv::Rect(549, 486, 124, 30));
  EXPECT_TRUE(rows[1].crop);
  EXPECT_FALSE(rows[1].box.has_value());
  EXPECT_EQ(rows[2].image, "images/c/3,x.jpg");
  EXPECT_EQ(rows[2].plate, "AB \"1\"");
  EXPECT_EQ(rows[2].country, "");
}

TEST_F(GroundTruthFile, ErrorsNameFileAndLine) {
  const std::string path = write("image,plate,country,set,kind,x,y,w,h\na.jpg,AB1,LV,s,frame,1,2,x,4\n");
  try {
    load_ground_truth(path);
    FAIL() << "a bad box was accepted";
  } catch (const EngineError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_ground_truth(write("image,plate\n")), EngineError);
  EXPECT_THROW(load_ground_truth(write("image,plate,country,set,kind,x,y,w,h\na.jpg,AB1,LV,s,video,,,,\n")),
               EngineError);
  EXPECT_THROW(load_ground_truth(write("image,plate,country,set,kind,x,y,w,h\na.jpg,AB1,LV,s,frame\n")),
               EngineError);
  EXPECT_THROW(load_ground_truth("/nonexistent/groundtruth.csv"), EngineError);
}

TEST(CsvRecord, SplitsQuotedFields) {
  EXPECT_EQ(split_csv_record("a,,\"b,c\""), (std::vector<std::string>{"a", "", "b,c"}));
  EXPECT_THROW(split_csv_record("a,\"b"), EngineError);
}

TEST(TruthImages, GroupedPerSetFilteredAndSpreadEvenly) {
  std::vector<TruthPlate> rows;
  for (int i = 0; i < 10; ++i) rows.push_back({"a" + std::to_string(i) + ".jpg", "AB1", "LV", "a", false, {}});
  rows.push_back({"a3.jpg", "CD2", "LV", "a", false, {}});  // a second plate of one image
  rows.push_back({"b.jpg", "EF3", "LT", "b", true, {}});
  const auto all = group_by_image(rows, {}, std::nullopt);
  ASSERT_EQ(all.size(), 2u);
  ASSERT_EQ(all.at("a").size(), 10u);
  EXPECT_EQ(all.at("a")[3].plates.size(), 2u);
  const auto only_b = group_by_image(rows, {"b"}, std::nullopt);
  ASSERT_EQ(only_b.size(), 1u);
  EXPECT_EQ(only_b.at("b")[0].image, "b.jpg");
  const auto spread = group_by_image(rows, {}, 5);
  ASSERT_EQ(spread.at("a").size(), 5u);
  EXPECT_EQ(spread.at("a")[1].image, "a2.jpg");
  EXPECT_EQ(spread.at("a")[4].image, "a8.jpg");
}

}  // namespace
}  // namespace anpr::engine
