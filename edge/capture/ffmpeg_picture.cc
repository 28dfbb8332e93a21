// Decoder frames as Pictures; see ffmpeg_picture.h.
#include "edge/capture/ffmpeg_picture.h"

#include <stdexcept>
#include <string>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <opencv2/imgproc.hpp>

namespace anpr::capture {

namespace {

struct SwsFree {
  void operator()(SwsContext* context) const { sws_freeContext(context); }
};

// The same conversion OpenCV's FFmpeg backend made (bicubic chroma, BT.601
// coefficients, the range the pixel format says), so pictures look as
// they did before capture decoded for itself.
cv::Mat to_bgr(const AVFrame& frame) {
  // One cached context per thread: a consumer converts frame after frame of
  // the same format, and contexts must not be shared between threads.
  thread_local std::unique_ptr<SwsContext, SwsFree> cache;
  auto format = static_cast<AVPixelFormat>(frame.format);
  cache.reset(sws_getCachedContext(cache.release(), frame.width, frame.height, format, frame.width, frame.height,
                                   AV_PIX_FMT_BGR24, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!cache) {
    throw std::runtime_error(std::string("no conversion from pixel format ") +
                             (av_get_pix_fmt_name(format) ? av_get_pix_fmt_name(format) : "unknown") + " to BGR");
  }
  cv::Mat bgr(frame.height, frame.width, CV_8UC3);
  uint8_t* planes[1] = {bgr.data};
  int strides[1] = {static_cast<int>(bgr.step)};
  sws_scale(cache.get(), frame.data, frame.linesize, 0, frame.height, planes, strides);
  return bgr;
}

// Whether plane 0 of `format` is 8-bit luma, one byte per pixel: true for
// the planar and semi-planar YUV formats decoders give (yuv420p, yuvj420p,
// nv12, ...).
bool luma_plane_first(AVPixelFormat format) {
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
  if (!desc || desc->nb_components < 1) return false;
  if (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_HWACCEL)) return false;
  const AVComponentDescriptor& luma = desc->comp[0];
  return luma.plane == 0 && luma.depth == 8 && luma.step == 1 && luma.offset == 0 && luma.shift == 0;
}

bool full_range_yuv(const AVFrame& frame) {
  switch (frame.format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P:
      return true;
    default:
      return frame.color_range == AVCOL_RANGE_JPEG;
  }
}

class FfmpegPicture final : public Picture {
 public:
  explicit FfmpegPicture(const AVFrame& frame) : frame_(av_frame_clone(&frame)) {
    if (!frame_ || !frame_->data[0] || frame_->width <= 0 || frame_->height <= 0) {
      av_frame_free(&frame_);
      throw std::runtime_error("decoder frame without pixels");
    }
    if (frame_->linesize[0] > 0 && luma_plane_first(static_cast<AVPixelFormat>(frame_->format))) {
      gray_ = cv::Mat(frame_->height, frame_->width, CV_8UC1, frame_->data[0],
                      static_cast<std::size_t>(frame_->linesize[0]));
      video_range_ = !full_range_yuv(*frame_);
    } else {
      // Formats cameras do not send (RGB, 10-bit): correct, not fast.
      cv::cvtColor(to_bgr(*frame_), gray_, cv::COLOR_BGR2GRAY);
    }
  }
  ~FfmpegPicture() override { av_frame_free(&frame_); }
  FfmpegPicture(const FfmpegPicture&) = delete;
  FfmpegPicture& operator=(const FfmpegPicture&) = delete;

  const cv::Mat& gray() const override { return gray_; }
  bool video_range() const override { return video_range_; }
  cv::Mat bgr() const override { return to_bgr(*frame_); }

 private:
  AVFrame* frame_;
  cv::Mat gray_;
  bool video_range_ = false;
};

}  // namespace

std::shared_ptr<const Picture> ffmpeg_picture(const AVFrame& frame) {
  return std::make_shared<FfmpegPicture>(frame);
}

}  // namespace anpr::capture
