// Where the engine's model files are: models/ of the source tree this engine
// was built from while that tree is there (a build run in place: tests, the
// demo), else the installed copy under <prefix>/share/anpr/models.
#pragma once

#include <string>
#include <string_view>

namespace anpr::engine {

// The path of model `file_name` (e.g. "plate_crnn.onnx"), by the rule above.
std::string model_path(std::string_view file_name);

}  // namespace anpr::engine
