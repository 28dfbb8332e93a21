// anpr-capture-bench: what one camera costs the box. Decodes each source for
// a while through FrameSource with three consumers: one that only takes the
// frames (the decoder's cost), one that converts every frame to BGR (what
// capture cost before the gate read the luma plane), and the edge daemon's
// way: the motion gate on the gray plane and BGR only for the frames it
// passes. Prints the frames per second received and the process CPU time per
// frame (all threads). docs/capture.md quotes its figures with the commands.
//
//   anpr-capture-bench [--seconds N] URL...
//
// URLs are anything FrameSource takes; clips are decoded as fast as they
// go (the decoder's ceiling), RTSP streams at the camera's pace (the cost
// of a live camera).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "edge/capture/frame_source.h"
#include "edge/motion/motion_gate.h"

namespace {

using anpr::capture::CameraState;
using anpr::capture::FrameSource;
using Clock = std::chrono::steady_clock;

double cpu_seconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

enum class Consumer { take, bgr, gate };

const char* to_string(Consumer consumer) {
  switch (consumer) {
    case Consumer::take: return "take";
    case Consumer::bgr: return "bgr";
    case Consumer::gate: return "gate";
  }
  return "?";
}

struct Figures {
  int width = 0;
  int height = 0;
  double fps = 0.0;
  double cpu_ms_per_frame = 0.0;
  double gate_ms_per_frame = 0.0;  // consumer thread CPU in the gate
  double passed = 0.0;             // fraction of frames the gate passed
};

// Measures `seconds` of `url` after the first frames (the open and the
// decoder's start-up are not what a camera costs in the long run).
Figures measure(const std::string& url, double seconds, Consumer consumer) {
  anpr::capture::CaptureOptions options;
  options.camera_id = "bench";
  options.url = url;
  options.pace = anpr::capture::ReplayPace::fast;
  options.loop = true;
  FrameSource source(options);
  anpr::motion::MotionGate motion_gate{anpr::motion::MotionOptions{}};
  source.start();

  auto warm_until = Clock::now() + std::chrono::seconds(2);
  while (Clock::now() < warm_until) {
    source.next(std::chrono::milliseconds(100));
    if (source.status().state == CameraState::failed) break;
  }
  auto start_status = source.status();
  if (start_status.state != CameraState::streaming) {
    throw std::runtime_error(url + ": not streaming after 2 s (" + anpr::capture::to_string(start_status.state) +
                             ": " + start_status.last_error + ")");
  }

  double cpu_start = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
  auto wall_start = Clock::now();
  double gate_cpu = 0.0;
  std::uint64_t gated = 0, passed = 0;
  while (Clock::now() - wall_start < std::chrono::duration<double>(seconds)) {
    auto frame = source.next(std::chrono::milliseconds(500));
    if (!frame || consumer == Consumer::take) continue;
    if (consumer == Consumer::bgr) {
      frame->picture->bgr();
      continue;
    }
    const anpr::capture::Picture& picture = *frame->picture;
    double before = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    auto result = motion_gate.evaluate(picture.gray(), Clock::now(),
                                       picture.video_range() ? anpr::motion::GrayLevels::video
                                                             : anpr::motion::GrayLevels::full);
    gate_cpu += cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - before;
    ++gated;
    if (!result.pass) continue;
    ++passed;
    picture.bgr();  // for recognition
  }
  double wall = std::chrono::duration<double>(Clock::now() - wall_start).count();
  double cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
  auto end_status = source.status();
  source.stop();

  auto frames = static_cast<double>(end_status.frames_in - start_status.frames_in);
  if (frames == 0) throw std::runtime_error(url + ": no frames during the measurement");
  Figures figures;
  figures.width = end_status.width;
  figures.height = end_status.height;
  figures.fps = frames / wall;
  figures.cpu_ms_per_frame = 1000.0 * cpu / frames;
  if (gated > 0) {
    figures.gate_ms_per_frame = 1000.0 * gate_cpu / static_cast<double>(gated);
    figures.passed = static_cast<double>(passed) / static_cast<double>(gated);
  }
  return figures;
}

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: anpr-capture-bench [--seconds N] URL...\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 20.0;
  std::vector<std::string> urls;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seconds") {
      if (++i == argc) usage();
      seconds = std::atof(argv[i]);
      if (seconds <= 0.0) usage();
    } else if (arg.rfind("--", 0) == 0) {
      usage();
    } else {
      urls.push_back(arg);
    }
  }
  if (urls.empty()) usage();

  std::printf("%-44s %9s %8s %8s %13s %12s %6s\n", "source", "size", "consumer", "fps", "cpu ms/frame",
              "gate ms/frm", "passed");
  try {
    for (const std::string& url : urls) {
      for (Consumer consumer : {Consumer::take, Consumer::bgr, Consumer::gate}) {
        Figures f = measure(url, seconds, consumer);
        std::string size = std::to_string(f.width) + "x" + std::to_string(f.height);
        std::printf("%-44s %9s %8s %8.1f %13.2f", url.c_str(), size.c_str(), to_string(consumer), f.fps,
                    f.cpu_ms_per_frame);
        if (consumer == Consumer::gate) {
          std::printf(" %12.3f %5.0f%%\n", f.gate_ms_per_frame, 100.0 * f.passed);
        } else {
          std::printf(" %12s %6s\n", "-", "-");
        }
        std::fflush(stdout);
      }
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "anpr-capture-bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
