// The version strings the edge reports: the daemon's in heartbeats and
// metrics, the engine's in every sighting, so reads can be re-evaluated
// after the recognition engine or its OCR model changes.
#pragma once

#include <string>

namespace anpr::daemon {

// "0.1.0": the project version the daemon was built from.
const char* software_version();

// "anpr-engine/0.1.0 tesseract/5.3.0 eng": engine, OCR library and model.
std::string engine_version(const std::string& ocr_language);

}  // namespace anpr::daemon
