// Helpers for the spool tests: a throwaway directory of real files per test
// (tests/support/temp_dir.h),
// payloads whose content depends on their sequence number (so a record read
// back under the wrong number, or damaged, is noticed), and the file surgery
// the recovery tests need (cut a file, flip a byte).
#pragma once

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "edge/spool/spool_format.h"
#include "edge/spool/spool_options.h"
#include "tests/support/temp_dir.h"

namespace anpr::spool::testing {

using ::anpr::testing::TempDir;

inline std::string payload_for(std::uint64_t seq, std::size_t size = 100) {
  std::string payload = "seq=" + std::to_string(seq) + ";";
  for (std::size_t i = payload.size(); i < size; ++i) payload.push_back(static_cast<char>((seq * 131 + i * 7) & 0xff));
  payload.resize(size);
  return payload;
}

// On-disk size of a record with a payload_for() payload of `size` bytes.
inline std::uint64_t record_bytes(std::size_t size = 100) { return kRecordHeaderSize + size; }

inline std::vector<std::filesystem::path> segment_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (parse_segment_file_name(entry.path().filename().string())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::uint64_t total_segment_bytes(const std::filesystem::path& dir) {
  std::uint64_t total = 0;
  for (const auto& file : segment_files(dir)) total += std::filesystem::file_size(file);
  return total;
}

inline void flip_byte(const std::filesystem::path& file, std::uint64_t offset) {
  std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
  stream.seekg(static_cast<std::streamoff>(offset));
  const char original = static_cast<char>(stream.get());
  stream.seekp(static_cast<std::streamoff>(offset));
  stream.put(static_cast<char>(original ^ 0x5a));
  if (!stream) throw std::runtime_error("cannot flip byte " + std::to_string(offset) + " of " + file.string());
}

inline void append_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream stream(file, std::ios::binary | std::ios::app);
  stream << bytes;
  if (!stream) throw std::runtime_error("cannot append to " + file.string());
}

// 1 KiB segments hold 8 records of 100 bytes: 20 + 8 * 117 = 956.
inline SpoolOptions small_segments(std::uint64_t max_total_bytes = 1u << 20) {
  SpoolOptions options;
  options.segment_bytes = 1024;
  options.max_total_bytes = max_total_bytes;
  return options;
}

}  // namespace anpr::spool::testing
