// Dead-letter files for refused sightings; see dead_letter.h.
#include "edge/daemon/dead_letter.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

namespace anpr::daemon {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what) {
  throw std::runtime_error("dead-letter " + path.string() + ": " + what + ": " + std::strerror(errno));
}

void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  auto temporary = path;
  temporary += ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) fail(temporary, "open");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      fail(temporary, "write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail(temporary, "fsync");
  }
  ::close(fd);
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail(path, "rename");
}

}  // namespace

DeadLetter::DeadLetter(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error) throw std::runtime_error("dead-letter directory " + dir_.string() + ": " + error.message());
}

void DeadLetter::store(std::string_view name, std::string_view payload, std::string_view reason) const {
  std::string file(name);
  for (char& c : file) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!plain) c = '_';
  }
  write_atomically(dir_ / (file + ".sighting"), payload);
  write_atomically(dir_ / (file + ".reason"), std::string(reason) + "\n");
  int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(dir_, "open directory");
  ::fsync(fd);
  ::close(fd);
}

}  // namespace anpr::daemon
