// Small H.264 MP4 clips made at test time (no binaries in the repository),
// and the ways a recorded clip arrives broken: cut short, overwritten, not a
// video at all. Written with OpenCV's FFmpeg writer (libx264), so the clips
// have B-frames, like a real camera's recording.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "tests/support/temp_dir.h"

namespace anpr::testing {

// `frames` frames of `size` at `fps`: a white bar moving right over gray.
// Throws std::runtime_error when the writer cannot be opened.
void write_clip(const std::string& path, cv::Size size, int frames, double fps);

// Keeps the first `fraction` of the file's bytes: a copy interrupted midway.
void truncate_file(const std::string& path, double fraction);

// Zeroes the second half of the coded frames but leaves the index intact:
// a clip damaged on disk.
void zero_second_half_of_media(const std::string& path);

// `bytes` random bytes: not a video at all.
void write_noise(const std::string& path, std::size_t bytes);

}  // namespace anpr::testing
