// Plate text normalisation; see plate_text.h. The UTF-8 decoding is done here
// by hand because the input is a handful of characters and the standard
// library's converters are deprecated.
#include "common/plate/plate_text.h"

#include <array>
#include <utility>

#include "common/plate/plate_error.h"

namespace anpr::plate {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Upper-case Cyrillic letters drawn identically to a Latin capital on plates.
// The lower-case forms sit 0x20 above the upper-case ones (Ukrainian I: 0x50).
constexpr std::array<std::pair<char32_t, char>, 13> kCyrillicLookAlikes{{
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'},
    {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'},
    {0x0423, 'Y'}, {0x0425, 'X'}, {0x0406, 'I'},
}};

struct Decoded {
  char32_t code_point;
  std::size_t length;
};

// Decodes the code point at the start of `bytes` (non-empty). Malformed or
// overlong sequences and surrogates decode as U+FFFD of length 1 so that one
// bad byte costs one character, not the rest of the string.
Decoded decode_utf8(std::string_view bytes) {
  const auto lead = static_cast<unsigned char>(bytes[0]);
  if (lead < 0x80) return {lead, 1};
  // Per sequence length: the lead byte's marker mask and the smallest code
  // point that needs that many bytes (anything less is an overlong form).
  struct Form {
    std::size_t length;
    unsigned char marker_mask;
    unsigned char marker;
    char32_t smallest;
  };
  constexpr std::array<Form, 3> kForms{{{2, 0xE0, 0xC0, 0x80}, {3, 0xF0, 0xE0, 0x800}, {4, 0xF8, 0xF0, 0x10000}}};
  const Form* form = nullptr;
  for (const Form& f : kForms) {
    if ((lead & f.marker_mask) == f.marker) form = &f;
  }
  if (form == nullptr) return {kReplacement, 1};
  const std::size_t length = form->length;
  const char32_t smallest = form->smallest;
  char32_t value = lead & static_cast<unsigned char>(~form->marker_mask);
  if (bytes.size() < length) return {kReplacement, 1};
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(bytes[i]);
    if ((next & 0xC0) != 0x80) return {kReplacement, 1};
    value = (value << 6) | (next & 0x3F);
  }
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (value < smallest || value > 0x10FFFF || surrogate) return {kReplacement, 1};
  return {value, length};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_separator(char32_t cp) {
  return cp == U' ' || cp == U'-' || cp == U'.' || cp == 0x00B7;
}

// The normalised character for `cp`, or '\0' when it has none.
char plate_char(char32_t cp) {
  if ((cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9')) return static_cast<char>(cp);
  if (cp >= U'a' && cp <= U'z') return static_cast<char>(cp - U'a' + U'A');
  for (const auto& [cyrillic, latin] : kCyrillicLookAlikes) {
    const char32_t lower = cyrillic == 0x0406 ? 0x0456 : cyrillic + 0x20;
    if (cp == cyrillic || cp == lower) return latin;
  }
  return '\0';
}

NormalisedText normalise_impl(std::string_view utf8, bool keep_wildcards) {
  NormalisedText result;
  while (!utf8.empty()) {
    const auto [cp, length] = decode_utf8(utf8);
    utf8.remove_prefix(length);
    if (is_separator(cp)) continue;
    if (keep_wildcards && (cp == U'*' || cp == U'?')) {
      result.text += static_cast<char>(cp);
    } else if (const char c = plate_char(cp); c != '\0') {
      result.text += c;
    } else {
      append_utf8(result.rejected, cp);
    }
  }
  return result;
}

}  // namespace

NormalisedText normalise(std::string_view utf8) { return normalise_impl(utf8, false); }

NormalisedText normalise_pattern(std::string_view utf8) { return normalise_impl(utf8, true); }

std::string normalise_strict(std::string_view utf8) {
  NormalisedText result = normalise(utf8);
  if (!result.clean()) {
    throw PlateError("plate text '" + std::string(utf8) + "' contains characters that cannot be on a plate: '" +
                     result.rejected + "'");
  }
  return std::move(result.text);
}

bool is_normalised(std::string_view text) {
  for (const char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::optional<std::string> to_cyrillic(std::string_view normalised) {
  std::string out;
  for (const char c : normalised) {
    if (c >= '0' && c <= '9') {
      out += c;
      continue;
    }
    char32_t cyrillic = 0;
    for (const auto& [cp, latin] : kCyrillicLookAlikes) {
      if (latin == c) cyrillic = cp;
    }
    if (cyrillic == 0) return std::nullopt;
    append_utf8(out, cyrillic);
  }
  return out;
}

}  // namespace anpr::plate
