// The one exception type of the recognition engine: an image that cannot be
// decoded, Tesseract data that cannot be loaded, a bad option. The edge daemon
// logs it and drops the frame; the CLIs print it per image and carry on.
// Messages name the file, option or stage that failed.
#pragma once

#include <stdexcept>

namespace anpr::engine {

class EngineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::engine
