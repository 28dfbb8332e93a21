// Model file lookup; see model_path.h.
#include "edge/engine/model_path.h"

#include <filesystem>

namespace anpr::engine {

std::string model_path(std::string_view file_name) {
  const std::filesystem::path in_tree = std::filesystem::path(ANPR_MODEL_DIR) / file_name;
  if (std::filesystem::exists(in_tree)) return in_tree.string();
  return (std::filesystem::path(ANPR_INSTALLED_MODEL_DIR) / file_name).string();
}

}  // namespace anpr::engine
