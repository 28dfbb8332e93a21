// V4L2 devices through OpenCV; see v4l2_input.h.
#include "edge/capture/v4l2_input.h"

#include <filesystem>

namespace anpr::capture {

V4l2Input::V4l2Input(const SourceUrl& source, const CaptureOptions& options) : name_(redact_url(options.url)) {
  std::error_code ec;
  if (!std::filesystem::exists(source.target, ec)) {
    error_ = name_ + ": no such device";
    return;
  }
  opened_ = capture_.open(source.target, cv::CAP_V4L2);
  if (!opened_) {
    error_ = name_ + ": device cannot be opened for capture (busy, no permission, or not a camera)";
    return;
  }
  double fps = capture_.get(cv::CAP_PROP_FPS);
  nominal_fps_ = (fps > 0.0 && fps <= 240.0) ? fps : 0.0;
  frame_size_ = cv::Size(static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_WIDTH)),
                         static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_HEIGHT)));
}

VideoInput::Grab V4l2Input::grab() {
  if (capture_.grab()) return Grab::frame;
  error_ = name_ + ": device stopped delivering frames";
  return Grab::error;
}

std::shared_ptr<const Picture> V4l2Input::picture() {
  // A fresh image each time: OpenCV would write the next frame into a
  // reused one in place.
  cv::Mat image;
  if (!capture_.retrieve(image) || image.empty() || image.type() != CV_8UC3) return nullptr;
  return bgr_picture(std::move(image));
}

}  // namespace anpr::capture
