// The JSON lines anpr-read prints, one object per image, for scripts and the
// evaluation tooling to consume. Written by hand rather than with a JSON
// library because the shape is fixed and small; what matters is that every
// string is escaped, whatever bytes a file name holds.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "edge/engine/plate_read.h"

namespace anpr::engine {

// `text` as a JSON string literal, quotes included: quotes, backslashes and
// control characters escaped, valid UTF-8 kept, invalid bytes as U+FFFD.
std::string json_string(std::string_view text);

// {"text": ..., "display": ..., "country": ..., "confidence": ..., "box": [...],
//  "corners": [[x,y],...], "candidates": [{"text": ..., "confidence": ...}, ...]}
std::string plate_json(const PlateRead& read);

// {"image": <image>, "ms": <ms>, "plates": [...]} on one line.
std::string image_result_json(std::string_view image, double ms, std::span<const PlateRead> reads);

// {"image": <image>, "error": <message>} on one line.
std::string image_error_json(std::string_view image, std::string_view message);

}  // namespace anpr::engine
