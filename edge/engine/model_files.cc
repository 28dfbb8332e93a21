// Model file lookup and loading; see model_files.h.
#include "edge/engine/model_files.h"

#include <filesystem>

#include "edge/engine/engine_error.h"

namespace anpr::engine {

std::string model_path(std::string_view file_name) {
  const std::filesystem::path in_tree = std::filesystem::path(ANPR_MODEL_DIR) / file_name;
  if (std::filesystem::exists(in_tree)) return in_tree.string();
  return (std::filesystem::path(ANPR_INSTALLED_MODEL_DIR) / file_name).string();
}

cv::dnn::Net load_onnx_model(const std::string& path, std::string_view what) {
  const std::string name = std::string(what) + " file '" + path + "'";
  if (!std::filesystem::is_regular_file(path)) throw EngineError(name + " does not exist");
  cv::dnn::Net net;
  try {
    net = cv::dnn::readNetFromONNX(path);
  } catch (const cv::Exception& e) {
    throw EngineError(name + " cannot be loaded: " + e.what());
  }
  if (net.empty()) throw EngineError(name + " holds no network");
  net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
  net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
  return net;
}

}  // namespace anpr::engine
