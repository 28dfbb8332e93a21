// How a plate is shown to people: the normalised text with the separators of
// its country ("AB1234" -> "AB-1234" in Latvia, "1234 AB-5" in Belarus). The
// stored and compared form stays the normalised text; display is for
// operators, alerts and reports only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/plate/plate_format.h"

namespace anpr::plate {

// `normalised` as `format` shows it, or nullopt when it does not fit.
std::optional<std::string> display_as(const PlateFormat& format, std::string_view normalised);

// `normalised` shown by the first of `country`'s formats it fits; the text
// unchanged when it fits none of them or the country is not catalogued, so a
// display string always exists.
std::string display(std::string_view normalised, std::string_view country);

}  // namespace anpr::plate
