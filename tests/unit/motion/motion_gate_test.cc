// The motion gate on synthetic 1280x720 frames: a static scene with sensor
// noise passes nothing, a vehicle-sized rectangle crossing it passes with a
// box around it, the ROI hides motion outside it, and the keepalive lets a
// frame through now and then.
#include <array>
#include <chrono>
#include <stdexcept>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "edge/motion/motion_gate.h"
#include "edge/motion/motion_regions.h"
#include "edge/motion/roi_mask.h"

namespace anpr::motion {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

const cv::Size kFrame(1280, 720);

// A textured road with sensor noise that differs from frame to frame (a few
// noise fields in turn: generating fresh noise for every 720p frame would
// make this test slow, not better).
class Scene {
 public:
  explicit Scene(double noise_sigma = 6.0) : background_(kFrame, CV_8UC3) {
    cv::randu(background_, cv::Scalar::all(60), cv::Scalar::all(140));
    cv::GaussianBlur(background_, background_, cv::Size(9, 9), 0);
    for (cv::Mat& noise : noise_) {
      noise.create(kFrame, CV_16SC3);
      cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(noise_sigma));
    }
  }

  cv::Mat frame(const cv::Rect* vehicle = nullptr) {
    cv::Mat image = background_.clone();
    if (vehicle) cv::rectangle(image, *vehicle, cv::Scalar(230, 230, 235), cv::FILLED);
    cv::Mat noisy;
    image.convertTo(noisy, CV_16SC3);
    noisy += noise_[next_++ % noise_.size()];
    noisy.convertTo(image, CV_8UC3);
    return image;
  }

 private:
  cv::Mat background_;
  std::array<cv::Mat, 5> noise_;
  std::size_t next_ = 0;
};

MotionOptions no_keepalive() {
  MotionOptions options;
  options.keepalive = 0ms;
  return options;
}

// Daylight noise, and the grain of an infrared camera at night.
class StaticScene : public ::testing::TestWithParam<double> {};

TEST_P(StaticScene, HasNoMotion) {
  Scene scene(GetParam());
  MotionGate gate(no_keepalive());
  Steady::time_point t0{};
  for (int i = 0; i < 50; ++i) {
    MotionResult result = gate.evaluate(scene.frame(), t0 + i * 40ms);
    EXPECT_FALSE(result.pass) << "frame " << i << " changed " << result.changed_fraction;
    EXPECT_TRUE(result.regions.empty());
    EXPECT_LT(result.changed_fraction, gate.options().min_changed_fraction);
  }
}

INSTANTIATE_TEST_SUITE_P(MotionGate, StaticScene, ::testing::Values(6.0, 15.0));

TEST(MotionGate, AMovingRectangleIsMotionWithABoxAroundIt) {
  Scene scene;
  MotionGate gate(no_keepalive());
  Steady::time_point t0{};
  for (int i = 0; i < 10; ++i) gate.evaluate(scene.frame(), t0 + i * 40ms);

  for (int step = 0; step < 8; ++step) {
    cv::Rect vehicle(200 + step * 60, 300, 240, 160);
    MotionResult result = gate.evaluate(scene.frame(&vehicle), t0 + 1s + step * 40ms);
    ASSERT_TRUE(result.pass) << "step " << step;
    EXPECT_EQ(result.reason, PassReason::motion);
    ASSERT_FALSE(result.regions.empty());
    const cv::Rect& box = result.regions.front();
    EXPECT_EQ(box & vehicle, vehicle) << "step " << step << ": box " << box << " must contain " << vehicle;
    // The box may include the fading trail of earlier positions, not the frame.
    EXPECT_LT(box.area(), 4 * vehicle.area()) << "step " << step << ": box " << box;
    EXPECT_GT(result.changed_fraction, 0.02);
  }
}

TEST(MotionGate, AVehicleThatLeftLeavesNoMotionBehind) {
  Scene scene;
  MotionGate gate(no_keepalive());
  Steady::time_point t0{};
  for (int i = 0; i < 10; ++i) gate.evaluate(scene.frame(), t0 + i * 40ms);
  // A vehicle waits in view for a second, long enough to soak into the
  // background average, then is gone.
  cv::Rect vehicle(400, 300, 240, 160);
  for (int i = 0; i < 25; ++i) gate.evaluate(scene.frame(&vehicle), t0 + 1s + i * 40ms);
  MotionResult leaving = gate.evaluate(scene.frame(), t0 + 2s);
  EXPECT_TRUE(leaving.pass) << "the frame it disappears in is motion";
  for (int i = 1; i < 10; ++i) {
    MotionResult result = gate.evaluate(scene.frame(), t0 + 2s + i * 40ms);
    EXPECT_GT(result.changed_fraction, 0.0) << "the background still remembers it";
    EXPECT_FALSE(result.pass) << "frame " << i << " after it left";
  }
}

// The luma plane of most streams is video range (16 black, 235 white); the
// gate stretches it, so a step of 24 luma levels is the 28 gray levels it
// shows on screen and passes the threshold of 25, where the same step in a
// full-range image does not.
TEST(MotionGate, VideoRangeGrayIsJudgedInScreenLevels) {
  cv::Mat empty(kFrame, CV_8UC1, cv::Scalar(100));
  cv::Mat vehicle = empty.clone();
  cv::rectangle(vehicle, cv::Rect(400, 300, 240, 160), cv::Scalar(124), cv::FILLED);
  for (GrayLevels levels : {GrayLevels::full, GrayLevels::video}) {
    bool video = levels == GrayLevels::video;
    MotionGate gate(no_keepalive());
    Steady::time_point t0{};
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(gate.evaluate(empty, t0 + i * 40ms, levels).pass);
    MotionResult result = gate.evaluate(vehicle, t0 + 1s, levels);
    EXPECT_EQ(result.pass, video) << (video ? "video" : "full") << " range, changed " << result.changed_fraction;
  }
}

TEST(MotionGate, TheRoiExcludesMotionOutsideIt) {
  Scene scene;
  MotionOptions options = no_keepalive();
  options.roi = {{640, 0}, {1279, 0}, {1279, 719}, {640, 719}};  // right half only
  MotionGate gate(options);
  Steady::time_point t0{};
  for (int i = 0; i < 10; ++i) gate.evaluate(scene.frame(), t0 + i * 40ms);

  for (int step = 0; step < 5; ++step) {
    cv::Rect left(50 + step * 60, 300, 240, 160);
    MotionResult result = gate.evaluate(scene.frame(&left), t0 + 1s + step * 40ms);
    EXPECT_FALSE(result.pass) << "step " << step;
  }
  cv::Rect right(800, 300, 240, 160);
  MotionResult result = gate.evaluate(scene.frame(&right), t0 + 2s);
  ASSERT_TRUE(result.pass);
  ASSERT_FALSE(result.regions.empty());
  EXPECT_GE(result.regions.front().x, 640 - 16) << result.regions.front();
}

TEST(MotionGate, KeepalivePassesAFrameEveryPeriodWithoutMotion) {
  Scene scene;
  MotionOptions options;
  options.keepalive = 5s;
  MotionGate gate(options);
  Steady::time_point t0{};
  int passed = 0;
  for (int i = 0; i < 25 * 12; ++i) {  // 12 s at 25 fps
    MotionResult result = gate.evaluate(scene.frame(), t0 + i * 40ms);
    if (result.pass) {
      EXPECT_EQ(result.reason, PassReason::keepalive);
      EXPECT_TRUE(result.regions.empty());
      ++passed;
    }
  }
  EXPECT_EQ(passed, 3) << "at 0, 5 and 10 s";
}

TEST(MotionGate, AFrameSizeChangeStartsOver) {
  MotionGate gate(no_keepalive());
  cv::Mat small(360, 640, CV_8UC3, cv::Scalar::all(100));
  cv::Mat large(720, 1280, CV_8UC3, cv::Scalar::all(200));
  EXPECT_FALSE(gate.evaluate(small, Steady::time_point{}).pass);
  EXPECT_FALSE(gate.evaluate(large, Steady::time_point{} + 40ms).pass) << "a new size only seeds the background";
  EXPECT_FALSE(gate.evaluate(large, Steady::time_point{} + 80ms).pass);
}

TEST(MotionGate, GrayFramesWorkToo) {
  MotionGate gate(no_keepalive());
  cv::Mat still(480, 640, CV_8UC1, cv::Scalar(80));
  cv::Mat moved = still.clone();
  cv::rectangle(moved, cv::Rect(100, 100, 200, 120), cv::Scalar(220), cv::FILLED);
  gate.evaluate(still, Steady::time_point{});
  MotionResult result = gate.evaluate(moved, Steady::time_point{} + 40ms);
  ASSERT_TRUE(result.pass);
  EXPECT_EQ(result.regions.front() & cv::Rect(100, 100, 200, 120), cv::Rect(100, 100, 200, 120));
}

TEST(MotionGate, RejectsBadInputAndOptions) {
  MotionGate gate(no_keepalive());
  EXPECT_THROW(gate.evaluate(cv::Mat(), Steady::time_point{}), std::invalid_argument);
  EXPECT_THROW(gate.evaluate(cv::Mat(10, 10, CV_32FC1), Steady::time_point{}), std::invalid_argument);
  MotionOptions options;
  options.roi = {{0, 0}, {10, 10}};
  EXPECT_THROW(MotionGate{options}, std::invalid_argument);
  options = MotionOptions{};
  options.background_rate = 0.0;
  EXPECT_THROW(MotionGate{options}, std::invalid_argument);
}

TEST(RoiMask, ScalesThePolygonToWorkResolution) {
  cv::Mat mask = roi_mask({{0, 0}, {639, 0}, {639, 719}, {0, 719}}, kFrame, cv::Size(160, 90));
  EXPECT_EQ(mask.size(), cv::Size(160, 90));
  EXPECT_EQ(mask.at<unsigned char>(45, 10), 255);
  EXPECT_EQ(mask.at<unsigned char>(45, 150), 0);
  EXPECT_EQ(cv::countNonZero(roi_mask({}, kFrame, cv::Size(160, 90))), 160 * 90);
}

TEST(MotionRegions, SmallSpecksAreNoiseAndBoxesAreInFrameCoordinates) {
  cv::Mat changed(90, 160, CV_8UC1, cv::Scalar(0));
  changed.at<unsigned char>(10, 10) = 255;                                       // a speck
  cv::rectangle(changed, cv::Rect(40, 20, 10, 5), cv::Scalar(255), cv::FILLED);    // 50 px
  cv::rectangle(changed, cv::Rect(100, 60, 20, 10), cv::Scalar(255), cv::FILLED);  // 200 px
  cv::Mat moving(changed.size(), CV_8UC1, cv::Scalar(255));
  std::vector<cv::Rect> boxes = motion_regions(changed, moving, kFrame, 6);
  ASSERT_EQ(boxes.size(), 2u);
  // Largest first, grown by one work pixel (8 frame px) each side.
  EXPECT_EQ(boxes[0], cv::Rect(99 * 8, 59 * 8, 22 * 8, 12 * 8));
  EXPECT_EQ(boxes[1], cv::Rect(39 * 8, 19 * 8, 12 * 8, 7 * 8));
}

TEST(MotionRegions, BlobsWithNothingMovingAreDropped) {
  cv::Mat changed(90, 160, CV_8UC1, cv::Scalar(0));
  cv::rectangle(changed, cv::Rect(40, 20, 10, 5), cv::Scalar(255), cv::FILLED);
  cv::rectangle(changed, cv::Rect(100, 60, 20, 10), cv::Scalar(255), cv::FILLED);
  cv::Mat moving(changed.size(), CV_8UC1, cv::Scalar(0));
  moving.at<unsigned char>(22, 45) = 255;  // only the smaller blob moves
  std::vector<cv::Rect> boxes = motion_regions(changed, moving, kFrame, 6);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0], cv::Rect(39 * 8, 19 * 8, 12 * 8, 7 * 8));
}

}  // namespace
}  // namespace anpr::motion
