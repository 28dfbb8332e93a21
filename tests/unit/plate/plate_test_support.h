// Helpers shared by the plate unit tests.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "common/plate/plate_format.h"

namespace anpr::plate::testing {

// The catalogue's format `name` of `country`; throws when there is none, so
// a renamed format fails the test that names it.
inline const PlateFormat& format_named(std::string_view country, std::string_view name) {
  for (const PlateFormat* format : formats_of(country)) {
    if (format->name == name) return *format;
  }
  throw std::logic_error("no format " + std::string(country) + "/" + std::string(name));
}

}  // namespace anpr::plate::testing
