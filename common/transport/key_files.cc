// Reading and writing certificate files with the care secret keys need:
// permission checks on read, 0600 from the first byte on write, and
// write-to-temporary-then-link/rename so no reader ever sees half a key.
#include "common/transport/key_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <utility>

#include "common/transport/transport_error.h"
#include "common/transport/zcert_format.h"

namespace anpr::transport {

namespace {

// Certificates are a few hundred bytes; the cap keeps a wrong path such as a
// device or a log file from being read whole.
constexpr off_t kMaxKeyFileBytes = 64 * 1024;

[[noreturn]] void fail_errno(const std::string& action, const std::filesystem::path& path) {
  const int error = errno;
  if (error == ENOENT) throw TransportError("key file " + path.string() + " does not exist");
  throw TransportError("cannot " + action + " key file " + path.string() + ": " + std::strerror(error));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string read_key_file(const std::filesystem::path& path, bool holds_secret) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail_errno("open", path);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail_errno("stat", path);
  if (!S_ISREG(info.st_mode)) throw TransportError("key file " + path.string() + " is not a regular file");
  if (holds_secret && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    throw TransportError("secret key file " + path.string() + " is accessible by group or others (mode " + mode +
                         "); refusing to use a key that may have leaked. Run chmod 600 on it, or replace the key "
                         "if others may have read it");
  }
  if (info.st_size > kMaxKeyFileBytes) {
    throw TransportError("key file " + path.string() + " is " + std::to_string(info.st_size) +
                         " bytes, too large for a certificate");
  }
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(fd.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno("read", path);
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  text.resize(done);
  return text;
}

// The value at `entry` ("curve/public-key"), checked to be a Z85 key.
std::string key_entry(const std::map<std::string, std::string>& values, const std::string& entry,
                      const std::filesystem::path& path) {
  const auto found = values.find(entry);
  if (found == values.end()) {
    throw TransportError("key file " + path.string() + " has no " + entry + " entry");
  }
  check_z85_key(found->second, entry + " in key file " + path.string());
  return found->second;
}

std::map<std::string, std::string> parse_key_file(const std::string& text, const std::filesystem::path& path) {
  try {
    return parse_zpl(text);
  } catch (const TransportError& error) {
    throw TransportError("key file " + path.string() + " is not a ZPL certificate: " + error.what());
  }
}

void write_all(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno("write", path);
    content.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Writes `content` to a temporary file beside `path` with `mode` set before
// any byte, then moves it into place: rename() when replacing, link() when
// not, since link() fails atomically if `path` appeared in the meantime.
void write_key_file(const std::filesystem::path& path, std::string_view content, mode_t mode, bool overwrite) {
  std::string temporary = path.string() + ".tmp-XXXXXX";
  FileDescriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
  if (fd.get() < 0) fail_errno("create a temporary file for", path);
  try {
    if (::fchmod(fd.get(), mode) != 0) fail_errno("set the mode of", path);
    write_all(fd.get(), content, path);
    if (::fsync(fd.get()) != 0) fail_errno("flush", path);
    if (::close(fd.release()) != 0) fail_errno("close", path);
    if (overwrite) {
      if (::rename(temporary.c_str(), path.c_str()) != 0) fail_errno("replace", path);
    } else {
      if (::link(temporary.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) {
          throw TransportError("key file " + path.string() + " already exists; refusing to overwrite it");
        }
        fail_errno("create", path);
      }
      ::unlink(temporary.c_str());
    }
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

bool is_plain_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

KeyFilePaths key_file_paths(const std::filesystem::path& dir, std::string_view name) {
  if (!is_plain_name(name)) {
    throw TransportError("key name \"" + std::string(name) +
                         "\" is not a plain file name (letters, digits, '.', '_', '-'; not starting with '.')");
  }
  const std::string base(name);
  return {dir / (base + ".key"), dir / (base + ".key_secret")};
}

KeyFilePaths save_key_pair(const CurveKeyPair& keys, const std::filesystem::path& dir, std::string_view name,
                           bool overwrite) {
  const KeyFilePaths paths = key_file_paths(dir, name);
  check_z85_key(keys.public_key, "public key to save as " + paths.public_file.string());
  if (public_key_of(keys.secret_key, "secret key to save as " + paths.secret_file.string()) != keys.public_key) {
    throw TransportError("refusing to save key pair \"" + std::string(name) +
                         "\": the public key does not belong to the secret key");
  }
  if (!overwrite) {
    for (const auto& path : {paths.public_file, paths.secret_file}) {
      if (std::filesystem::exists(std::filesystem::symlink_status(path))) {
        throw TransportError("key file " + path.string() + " already exists; refusing to overwrite it");
      }
    }
  }
  write_key_file(paths.secret_file, render_secret_zcert(keys), S_IRUSR | S_IWUSR, overwrite);
  write_key_file(paths.public_file, render_public_zcert(keys.public_key), S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH,
                 overwrite);
  return paths;
}

std::string load_public_key(const std::filesystem::path& file) {
  return key_entry(parse_key_file(read_key_file(file, false), file), "curve/public-key", file);
}

CurveKeyPair load_key_pair(const std::filesystem::path& secret_file) {
  const auto values = parse_key_file(read_key_file(secret_file, true), secret_file);
  CurveKeyPair keys{key_entry(values, "curve/public-key", secret_file),
                    key_entry(values, "curve/secret-key", secret_file)};
  if (public_key_of(keys.secret_key, "secret key") != keys.public_key) {
    throw TransportError("key file " + secret_file.string() +
                         ": curve/public-key does not belong to curve/secret-key (edited or mixed-up file?)");
  }
  return keys;
}

}  // namespace anpr::transport
