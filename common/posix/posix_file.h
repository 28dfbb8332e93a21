// The POSIX calls durable files rest on (fdatasync, ftruncate, pread, fsync
// of a directory, flock), which iostreams do not expose, wrapped so that
// every failure throws FileError naming the file and the errno text. Used by
// the edge spool and central's evidence segments.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace anpr::posix {

// An I/O failure or an unusable directory; the message names the file and
// the failing operation.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An open file descriptor, closed on destruction.
class File {
 public:
  // `flags` as for open(2); O_CLOEXEC is always added.
  File(std::filesystem::path path, int flags, mode_t mode = 0644);
  File(File&& other) noexcept;
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File();

  // Writes all of `data`, retrying short writes; throws on the first error.
  void write_all(std::string_view data);

  // Reads up to n bytes at `offset`; returns fewer only at end of file.
  std::size_t read_at(std::uint64_t offset, char* dst, std::size_t n) const;

  // fdatasync: the data and the file size, not the timestamps.
  void sync();

  // An exclusive flock without waiting; false when another open file holds it.
  bool try_lock();

  void truncate(std::uint64_t size);
  std::uint64_t size() const;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

// Makes creations, renames and truncations of entries in `dir` durable; a
// file's own fsync does not cover its directory entry.
void sync_directory(const std::filesystem::path& dir);

// Writes `data` to `path` so that after a crash the file holds either its old
// contents or `data`, never a mix: temp file, fsync, rename, fsync directory.
void replace_file_atomically(const std::filesystem::path& path, std::string_view data);

// An exclusive flock on `lock_file` for as long as the object lives. Two
// processes appending to one directory's files would interleave records; the
// kernel drops the lock when the holder dies, so kill -9 never leaves a stale
// lock behind.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::filesystem::path& lock_file);

 private:
  File file_;
};

}  // namespace anpr::posix
