// Which input serves which kind of source; see video_input.h.
#include "edge/capture/video_input.h"

#include "edge/capture/ffmpeg_input.h"
#include "edge/capture/v4l2_input.h"

namespace anpr::capture {

std::unique_ptr<VideoInput> open_video_input(const SourceUrl& source, const CaptureOptions& options,
                                             const std::atomic<bool>& cancel) {
  if (source.kind == SourceKind::v4l2) return std::make_unique<V4l2Input>(source, options);
  return std::make_unique<FfmpegInput>(source, options, cancel);
}

}  // namespace anpr::capture
