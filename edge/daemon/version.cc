// Version strings from the build; see version.h. ANPR_VERSION and
// ANPR_TESSERACT_VERSION come from CMake (project version, pkg-config).
#include "edge/daemon/version.h"

namespace anpr::daemon {

const char* software_version() { return ANPR_VERSION; }

std::string engine_version(const std::string& ocr_language) {
  return std::string("anpr-engine/") + ANPR_VERSION + " tesseract/" + ANPR_TESSERACT_VERSION + " " + ocr_language;
}

}  // namespace anpr::daemon
