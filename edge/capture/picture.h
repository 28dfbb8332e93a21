// A decoded picture as capture hands it on, in the form it came out of the
// decoder. Most frames of a camera only go through the motion gate, which
// needs gray at a fraction of the size: the luma plane the decoder already
// made serves it without a conversion or a copy, and only the frames the
// gate passes pay for the conversion to BGR that recognition needs.
//
// A Picture is immutable once made and may be shared between threads;
// bgr() writes only into the image it returns.
#pragma once

#include <memory>

#include <opencv2/core.hpp>

namespace anpr::capture {

class Picture {
 public:
  virtual ~Picture() = default;

  cv::Size size() const { return gray().size(); }

  // 8-bit luma (gray) at full size, sharing the picture's memory: read it,
  // never write it. Valid while the Picture lives.
  virtual const cv::Mat& gray() const = 0;

  // True when gray() spans 16 (black) to 235 (white), the "video range"
  // luma of most H.264 and H.265 streams; false when it spans 0 to 255 like
  // cv::cvtColor's gray (full-range "yuvj" cameras, BGR sources).
  virtual bool video_range() const = 0;

  // The picture converted to BGR, 8 bits per channel, in a new image that
  // belongs to the caller alone. Converts on every call.
  virtual cv::Mat bgr() const = 0;
};

// A picture that is BGR already (V4L2 through OpenCV, tests); its gray
// plane is computed here, once.
std::shared_ptr<const Picture> bgr_picture(cv::Mat bgr);

}  // namespace anpr::capture
