// Test clips and their damaged variants; see test_clips.h.
#include "tests/integration/capture/test_clips.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace anpr::testing {

namespace {

std::vector<char> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::vector<char>& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error(path + ": cannot write");
}

}  // namespace

void write_clip(const std::string& path, cv::Size size, int frames, double fps) {
  cv::VideoWriter writer(path, cv::CAP_FFMPEG, cv::VideoWriter::fourcc('a', 'v', 'c', '1'), fps, size);
  if (!writer.isOpened()) throw std::runtime_error(path + ": cannot open an H.264 writer (libx264 missing?)");
  int bar = std::max(4, size.width / 16);
  for (int i = 0; i < frames; ++i) {
    cv::Mat image(size, CV_8UC3, cv::Scalar(90, 90, 90));
    int x = (i * std::max(1, size.width / frames)) % size.width;
    cv::rectangle(image, cv::Rect(x, 0, bar, size.height), cv::Scalar(255, 255, 255), cv::FILLED);
    writer.write(image);
  }
}

void truncate_file(const std::string& path, double fraction) {
  auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, static_cast<std::uintmax_t>(static_cast<double>(size) * fraction));
}

void zero_second_half_of_media(const std::string& path) {
  std::vector<char> data = read_all(path);
  std::string bytes(data.begin(), data.end());
  // OpenCV's writer puts the index ("moov") after the media data ("mdat").
  auto mdat = bytes.find("mdat");
  auto moov = bytes.find("moov");
  if (mdat == std::string::npos || moov == std::string::npos || moov < mdat) {
    throw std::runtime_error(path + ": not laid out as mdat then moov");
  }
  std::size_t media_begin = mdat + 4, media_end = moov - 4;
  std::fill(data.begin() + static_cast<std::ptrdiff_t>((media_begin + media_end) / 2),
            data.begin() + static_cast<std::ptrdiff_t>(media_end), 0);
  write_all(path, data);
}

void write_noise(const std::string& path, std::size_t bytes) {
  std::mt19937 random(42);
  std::vector<char> data(bytes);
  for (char& byte : data) byte = static_cast<char>(random() & 0xff);
  write_all(path, data);
}

}  // namespace anpr::testing
