// Pictures that are BGR already; see picture.h.
#include "edge/capture/picture.h"

#include <stdexcept>
#include <string>
#include <utility>

#include <opencv2/imgproc.hpp>

namespace anpr::capture {

namespace {

class BgrPicture final : public Picture {
 public:
  explicit BgrPicture(cv::Mat bgr) : bgr_(std::move(bgr)) {
    if (bgr_.empty() || bgr_.type() != CV_8UC3) {
      throw std::invalid_argument("BGR picture: expected 8-bit 3-channel image, got type " +
                                  std::to_string(bgr_.type()) + " of " + std::to_string(bgr_.cols) + "x" +
                                  std::to_string(bgr_.rows));
    }
    cv::cvtColor(bgr_, gray_, cv::COLOR_BGR2GRAY);
  }

  const cv::Mat& gray() const override { return gray_; }
  bool video_range() const override { return false; }
  cv::Mat bgr() const override { return bgr_.clone(); }

 private:
  cv::Mat bgr_;
  cv::Mat gray_;
};

}  // namespace

std::shared_ptr<const Picture> bgr_picture(cv::Mat bgr) { return std::make_shared<BgrPicture>(std::move(bgr)); }

}  // namespace anpr::capture
