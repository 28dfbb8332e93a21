// Cached synthetic clips; see synth_clip.h.
#include "tests/integration/edge/synth_clip.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace anpr::testing {

namespace {

constexpr const char* kPython = "/usr/bin/python3";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Holds an exclusive flock for its lifetime.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + path.string());
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

std::optional<SynthClip> synth_clip(const std::string& name, const std::string& vehicles, const std::string& size,
                                    double fps, std::string* missing) {
  if (::access(kPython, X_OK) != 0) {
    *missing = std::string(kPython) + " is not installed";
    return std::nullopt;
  }
  if (::access(ANPR_SYNTH, R_OK) != 0) {
    *missing = std::string(ANPR_SYNTH) + " is missing";
    return std::nullopt;
  }
  const std::filesystem::path dir = ANPR_CLIP_CACHE;
  std::filesystem::create_directories(dir);
  FileLock lock(dir / (name + ".lock"));
  const auto clip = dir / (name + ".mp4");
  const auto sidecar = dir / (name + ".json");
  if (!std::filesystem::exists(clip) || !std::filesystem::exists(sidecar)) {
    const auto partial = dir / (name + ".partial.mp4");
    const auto log = dir / (name + ".log");
    std::ostringstream command;
    command << kPython << ' ' << ANPR_SYNTH << " video --out " << quote(partial.string()) << " --vehicles "
            << quote(vehicles) << " --size " << size << " --fps " << fps << " > " << quote(log.string()) << " 2>&1";
    if (std::system(command.str().c_str()) != 0) {
      throw std::runtime_error("anpr-synth failed: " + command.str() + "\n" + read_file(log));
    }
    std::filesystem::rename(dir / (name + ".partial.json"), sidecar);
    std::filesystem::rename(partial, clip);
  }

  SynthClip out;
  out.path = clip.string();
  out.fps = fps;
  const std::string json = read_file(sidecar);
  std::smatch match;
  if (!std::regex_search(json, match, std::regex(R"re("frames":\s*(\d+))re"))) {
    throw std::runtime_error(sidecar.string() + ": no frame count");
  }
  out.frames = std::stoi(match[1]);
  const std::regex plate(R"re("plate":\s*"([^"]*)")re");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), plate); it != std::sregex_iterator(); ++it) {
    std::string text;
    for (char c : (*it)[1].str()) {
      if (c != ' ' && c != '-') text += c;
    }
    out.plates.push_back(text);
  }
  if (json.find("\"first_readable_frame\": null") != std::string::npos) {
    throw std::runtime_error(sidecar.string() + ": a vehicle never becomes readable; choose other plates");
  }
  return out;
}

}  // namespace anpr::testing
