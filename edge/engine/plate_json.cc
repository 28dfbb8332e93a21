// JSON output of plate reads; see plate_json.h.
#include "edge/engine/plate_json.h"

#include <cmath>
#include <cstdio>

namespace anpr::engine {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when the
// bytes there are not one (overlong forms and surrogates included).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length;
  unsigned min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return "null";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) {
      out += "\\ufffd";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out + "\"";
}

std::string plate_json(const PlateRead& read) {
  std::string out = "{\"text\": " + json_string(read.text) + ", \"display\": " + json_string(read.display) +
                    ", \"country\": " + json_string(read.country) + ", \"confidence\": " +
                    number(read.confidence, 3) + ", \"box\": [" + std::to_string(read.box.x) + ", " +
                    std::to_string(read.box.y) + ", " + std::to_string(read.box.width) + ", " +
                    std::to_string(read.box.height) + "], \"corners\": [";
  for (std::size_t i = 0; i < read.corners.size(); ++i) {
    if (i > 0) out += ", ";
    out += "[" + number(read.corners[i].x, 1) + ", " + number(read.corners[i].y, 1) + "]";
  }
  out += "], \"candidates\": [";
  for (std::size_t i = 0; i < read.candidates.size(); ++i) {
    if (i > 0) out += ", ";
    out += "{\"text\": " + json_string(read.candidates[i].text) +
           ", \"confidence\": " + number(read.candidates[i].confidence, 3) + "}";
  }
  return out + "]}";
}

std::string image_result_json(std::string_view image, double ms, std::span<const PlateRead> reads) {
  std::string out = "{\"image\": " + json_string(image) + ", \"ms\": " + number(ms, 1) + ", \"plates\": [";
  for (std::size_t i = 0; i < reads.size(); ++i) {
    if (i > 0) out += ", ";
    out += plate_json(reads[i]);
  }
  return out + "]}";
}

std::string image_error_json(std::string_view image, std::string_view message) {
  return "{\"image\": " + json_string(image) + ", \"error\": " + json_string(message) + "}";
}

}  // namespace anpr::engine
