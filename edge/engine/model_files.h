// The engine's model files: where they are, and how a network is loaded from
// one. They live in models/ of the source tree this engine was built from
// while that tree is there (a build run in place: tests, the demo), else in
// the installed copy under <prefix>/share/anpr/models.
#pragma once

#include <string>
#include <string_view>

#include <opencv2/dnn.hpp>

namespace anpr::engine {

// The path of model `file_name` (e.g. "plate_crnn.onnx"), by the rule above.
std::string model_path(std::string_view file_name);

// The ONNX network at `path`, set to run on the CPU with OpenCV's own
// backend. Throws EngineError naming `what` (e.g. "CRNN model") and the path
// when the file is missing (OpenCV's own message does not say which file),
// cannot be parsed, or holds no network.
cv::dnn::Net load_onnx_model(const std::string& path, std::string_view what);

}  // namespace anpr::engine
