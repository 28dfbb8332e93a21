// Display formatting; see plate_display.h. The separators come from the
// format's shape, so this only joins segments.
#include "common/plate/plate_display.h"

namespace anpr::plate {

std::optional<std::string> display_as(const PlateFormat& format, std::string_view normalised) {
  const auto segments = fit(format, normalised);
  if (!segments) return std::nullopt;
  std::string out;
  for (const ShapeSegment& segment : *segments) {
    // An optional class that took nothing must not leave a doubled or
    // leading separator behind.
    if (segment.text.empty()) continue;
    if (!out.empty()) out += segment.separator;
    out += segment.text;
  }
  return out;
}

std::string display(std::string_view normalised, std::string_view country) {
  for (const PlateFormat* format : formats_of(country)) {
    if (auto shown = display_as(*format, normalised)) return *std::move(shown);
  }
  return std::string(normalised);
}

}  // namespace anpr::plate
