// Pictures straight from FFmpeg's decoder: the Picture holds a reference to
// the decoder's frame buffers (no pixel copy), gray() is a view of its luma
// plane and bgr() converts with libswscale. Kept apart from the input so
// FFmpeg's frame layout is known in one place.
#pragma once

#include <memory>

#include "edge/capture/picture.h"

struct AVFrame;

namespace anpr::capture {

// A new reference to `frame`'s buffers; the decoder may go on and reuse
// `frame` itself. Throws std::runtime_error when the frame has no pixels
// or a format that cannot be converted.
std::shared_ptr<const Picture> ffmpeg_picture(const AVFrame& frame);

}  // namespace anpr::capture
