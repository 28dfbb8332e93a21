// POSIX file helpers; see posix_file.h.
#include "common/posix/posix_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <spdlog/fmt/fmt.h>

namespace anpr::posix {

namespace {

[[noreturn]] void throw_errno(std::string_view operation, const std::filesystem::path& path, int error) {
  throw FileError(fmt::format("{} {}: {}", operation, path.string(), std::strerror(error)));
}

}  // namespace

File::File(std::filesystem::path path, int flags, mode_t mode) : path_(std::move(path)) {
  do {
    fd_ = ::open(path_.c_str(), flags | O_CLOEXEC, mode);
  } while (fd_ < 0 && errno == EINTR);
  if (fd_ < 0) throw_errno("open", path_, errno);
}

File::File(File&& other) noexcept : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

File::~File() {
  if (fd_ >= 0) ::close(fd_);
}

void File::write_all(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("write", path_, errno);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::size_t File::read_at(std::uint64_t offset, char* dst, std::size_t n) const {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, dst + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      throw_errno("read", path_, errno);
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void File::sync() {
  if (::fdatasync(fd_) != 0) throw_errno("fdatasync", path_, errno);
}

bool File::try_lock() {
  int rc = 0;
  do {
    rc = ::flock(fd_, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc == 0) return true;
  if (errno == EWOULDBLOCK) return false;
  throw_errno("flock", path_, errno);
}

void File::truncate(std::uint64_t size) {
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) throw_errno("ftruncate", path_, errno);
}

std::uint64_t File::size() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw_errno("fstat", path_, errno);
  return static_cast<std::uint64_t>(st.st_size);
}

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_errno("open directory", dir, errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) throw_errno("fsync directory", dir, error);
}

void replace_file_atomically(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::path temp = path;
  temp += ".tmp";
  {
    File file(temp, O_WRONLY | O_CREAT | O_TRUNC);
    file.write_all(data);
    file.sync();
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) throw_errno("rename to " + path.filename().string(), temp, errno);
  sync_directory(path.parent_path());
}

DirectoryLock::DirectoryLock(const std::filesystem::path& lock_file) : file_(lock_file, O_RDWR | O_CREAT) {
  if (!file_.try_lock()) {
    throw FileError(fmt::format("directory {} is already open elsewhere (lock {} held)",
                                lock_file.parent_path().string(), lock_file.string()));
  }
}

}  // namespace anpr::posix
