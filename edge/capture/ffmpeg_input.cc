// RTSP cameras and clips through libavformat and libavcodec; see
// ffmpeg_input.h.
#include "edge/capture/ffmpeg_input.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include "edge/capture/ffmpeg_picture.h"

namespace anpr::capture {

namespace {

using SteadyClock = std::chrono::steady_clock;

void quiet_ffmpeg_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* level = std::getenv("ANPR_FFMPEG_LOGLEVEL");
    av_log_set_level(level ? std::atoi(level) : AV_LOG_QUIET);
  });
}

std::string av_error(int status) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(status, text, sizeof text);
  return text;
}

std::string seconds(std::chrono::milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(duration).count());
  return text;
}

double rate(AVRational r) { return r.num > 0 && r.den > 0 ? av_q2d(r) : 0.0; }

}  // namespace

FfmpegInput::FfmpegInput(const SourceUrl& source, const CaptureOptions& options, const std::atomic<bool>& cancel)
    : kind_(source.kind),
      name_(redact_url(options.url)),
      open_timeout_(options.open_timeout),
      read_timeout_(options.read_timeout),
      cancel_(cancel) {
  quiet_ffmpeg_once();
  open(source);
}

FfmpegInput::~FfmpegInput() {
  av_frame_free(&frame_);
  av_packet_free(&packet_);
  avcodec_free_context(&decoder_);
  avformat_close_input(&format_);
}

int FfmpegInput::interrupted(void* self) {
  auto* input = static_cast<FfmpegInput*>(self);
  if (input->cancel_.load(std::memory_order_relaxed)) return 1;
  if (SteadyClock::now() < input->deadline_) return 0;
  input->timed_out_ = true;
  return 1;
}

void FfmpegInput::open(const SourceUrl& source) {
  if (kind_ == SourceKind::file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source.target, ec)) {
      error_ = name_ + ": no such file";
      return;
    }
  }
  packet_ = av_packet_alloc();
  frame_ = av_frame_alloc();
  format_ = avformat_alloc_context();
  if (!packet_ || !frame_ || !format_) {
    error_ = name_ + ": out of memory opening the input";
    return;
  }
  format_->interrupt_callback = {&FfmpegInput::interrupted, this};

  deadline_ = SteadyClock::now() + open_timeout_;
  AVDictionary* settings = nullptr;
  if (kind_ == SourceKind::rtsp) av_dict_set(&settings, "rtsp_transport", "tcp", 0);
  int status = avformat_open_input(&format_, source.target.c_str(), nullptr, &settings);
  av_dict_free(&settings);
  if (status < 0) {  // format_ is freed and null
    error_ = open_failure(status);
    return;
  }
  status = avformat_find_stream_info(format_, nullptr);
  if (status < 0) {
    error_ = open_failure(status);
    return;
  }
  const AVCodec* codec = nullptr;
  stream_ = av_find_best_stream(format_, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
  if (stream_ < 0 || !codec) {
    error_ = stream_ == AVERROR_DECODER_NOT_FOUND ? name_ + ": no decoder for the video codec"
                                                   : open_failure(AVERROR_STREAM_NOT_FOUND);
    return;
  }
  const AVStream* stream = format_->streams[stream_];
  decoder_ = avcodec_alloc_context3(codec);
  if (!decoder_ || avcodec_parameters_to_context(decoder_, stream->codecpar) < 0) {
    error_ = name_ + ": cannot set up the " + codec->name + " decoder";
    return;
  }
  decoder_->thread_count = 1;
  status = avcodec_open2(decoder_, codec, nullptr);
  if (status < 0) {
    error_ = name_ + ": cannot open the " + codec->name + " decoder: " + av_error(status);
    return;
  }

  // As OpenCV reported them: the base rate first, which RTSP streams set
  // when the average is unknown.
  double fps = rate(stream->r_frame_rate);
  if (fps == 0.0) fps = rate(stream->avg_frame_rate);
  nominal_fps_ = fps <= 240.0 ? fps : 0.0;
  frame_size_ = cv::Size(stream->codecpar->width, stream->codecpar->height);
  if (kind_ == SourceKind::file) {
    clip_frames_ = stream->nb_frames;
    if (clip_frames_ <= 0 && format_->duration > 0 && nominal_fps_ > 0.0) {
      clip_frames_ = static_cast<std::int64_t>(static_cast<double>(format_->duration) / AV_TIME_BASE * nominal_fps_ + 0.5);
    }
  }
  opened_ = true;
}

std::string FfmpegInput::open_failure(int status) const {
  if (kind_ == SourceKind::file) {
    return name_ + ": not a readable video clip (corrupt, truncated before its index, or no video track)";
  }
  if (timed_out_) return name_ + ": no answer within the open timeout (" + seconds(open_timeout_) + ")";
  if (status == AVERROR_STREAM_NOT_FOUND) return name_ + ": no video stream";
  return name_ + ": cannot open the stream: " + av_error(status);
}

VideoInput::Grab FfmpegInput::grab() {
  deadline_ = SteadyClock::now() + read_timeout_;
  timed_out_ = false;
  while (true) {
    int status = avcodec_receive_frame(decoder_, frame_);
    if (status == 0) {
      ++frames_read_;
      return Grab::frame;
    }
    if (status == AVERROR_EOF) return finished();
    if (status != AVERROR(EAGAIN)) return lost(status);

    status = av_read_frame(format_, packet_);
    if (status < 0) {
      // A clip's demuxer may also stop at damaged data before its end;
      // finished() tells the two apart by the frames the index announced.
      if (kind_ != SourceKind::file || timed_out_ || cancel_.load(std::memory_order_relaxed)) return lost(status);
      avcodec_send_packet(decoder_, nullptr);
      continue;
    }
    if (timed_out_) {
      // An interrupted read flushes libavformat's parser, which hands out
      // the frame it held back: past the deadline the stream is gone,
      // whatever comes out.
      av_packet_unref(packet_);
      return lost(AVERROR_EXIT);
    }
    if (packet_->stream_index == stream_) {
      // A damaged packet costs its frame, not the stream: the decoder
      // resynchronises at the next slice.
      avcodec_send_packet(decoder_, packet_);
    }
    av_packet_unref(packet_);
  }
}

VideoInput::Grab FfmpegInput::finished() {
  if (kind_ != SourceKind::file) return lost(AVERROR_EOF);
  if (frames_read_ == 0) {
    error_ = name_ + ": no decodable frame in the clip";
    return Grab::error;
  }
  // The index can be off by one frame; more than that missing means the
  // media data ends (or breaks) before the index says it does.
  if (clip_frames_ > 0 && frames_read_ + 1 < clip_frames_) {
    error_ = name_ + ": clip truncated or corrupt: decoded " + std::to_string(frames_read_) + " of " +
             std::to_string(clip_frames_) + " frames";
    return Grab::error;
  }
  return Grab::end;
}

VideoInput::Grab FfmpegInput::lost(int status) {
  if (timed_out_) {
    error_ = name_ + ": no frame within the read timeout (" + seconds(read_timeout_) + ")";
  } else if (status == AVERROR_EOF) {
    error_ = name_ + ": stream closed by the camera";
  } else {
    error_ = name_ + ": stream broken: " + av_error(status);
  }
  return Grab::error;
}

std::shared_ptr<const Picture> FfmpegInput::picture() {
  if (!frame_->data[0]) return nullptr;
  return ffmpeg_picture(*frame_);
}

}  // namespace anpr::capture
