// The catalogue of plate formats the border cameras are expected to see:
// Latvia and Lithuania first, then the neighbours and the usual transit
// countries. Each format knows its shape (which texts it accepts and how the
// country separates them when shown), the letters it may use and how common
// its series is; how much a fit is worth as evidence follows from these
// (plate_specificity.h).
// The table itself, with the reasons for each row, is in
// docs/plate-formats.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/plate/plate_shape.h"

namespace anpr::plate {

struct PlateFormat {
  std::string country;  // ISO 3166-1 alpha-2, e.g. "LV"
  std::string name;     // e.g. "standard", "vanity"
  std::string letters;  // the letters L stands for in the shape
  Shape shape;
  // Limits the shape alone cannot state: German plates have at most 8
  // characters however area code, letters and digits split; Latvian vanity
  // plates need at least two letters.
  std::size_t max_length;
  std::size_t min_letters;
  // How common the series is among the country's plates, in (0, 1]: 1 for
  // the current standard series, lower for older or special ones. What a
  // fit is worth also depends on how specific the shape is at the read's
  // length; plate_specificity.h combines the two.
  double weight;
};

// Every format, grouped by country and, within a country, most specific first
// (the first that fits is the one used for display).
const std::vector<PlateFormat>& formats();

// The catalogue's country codes, in catalogue order, each once.
const std::vector<std::string>& countries();

// `country`'s formats in catalogue order; empty for a country not catalogued.
std::vector<const PlateFormat*> formats_of(std::string_view country);

// The segments of `normalised` under `format` when it fits, else nullopt.
std::optional<std::vector<ShapeSegment>> fit(const PlateFormat& format, std::string_view normalised);

bool fits(const PlateFormat& format, std::string_view normalised);

}  // namespace anpr::plate
