// Test clips of vehicles with rendered plates, made at test time by
// tools/synth (docs/synthetic-data.md) so no video is kept in the
// repository. Rendering takes a while on a loaded machine, so a clip is made
// once per build tree and reused by every test that asks for the same one;
// a lock file keeps tests running side by side from rendering it twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace anpr::testing {

struct SynthClip {
  std::string path;              // H.264 MP4
  int frames = 0;
  double fps = 0;
  std::vector<std::string> plates;  // normalised (A-Z, 0-9), in order of appearance
};

// The clip `name` with `vehicles` ("LV:AB-1234,LT:ABC 123") at `size`
// ("640x480") and `fps`. nullopt, with `missing` saying what, when the
// generator is not installed; throws std::runtime_error with the
// generator's output when it fails.
std::optional<SynthClip> synth_clip(const std::string& name, const std::string& vehicles, const std::string& size,
                                    double fps, std::string* missing);

}  // namespace anpr::testing
