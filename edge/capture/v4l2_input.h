// A local V4L2 device through OpenCV's V4L2 backend, which negotiates the
// device's formats; frames arrive as BGR. The read timeout is the driver's
// select timeout (OPENCV_VIDEOIO_V4L_SELECT_TIMEOUT), not CaptureOptions'.
#pragma once

#include <opencv2/videoio.hpp>

#include "edge/capture/video_input.h"

namespace anpr::capture {

class V4l2Input final : public VideoInput {
 public:
  V4l2Input(const SourceUrl& source, const CaptureOptions& options);

  Grab grab() override;
  std::shared_ptr<const Picture> picture() override;

 private:
  cv::VideoCapture capture_;
  std::string name_;  // the redacted URL, for messages
};

}  // namespace anpr::capture
