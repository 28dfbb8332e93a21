// The one exception type of anpr_plate. Plate text arrives from OCR engines,
// operators and watchlist imports, so a bad value is an input problem the
// caller reports rather than a bug; the message always quotes the value.
#pragma once

#include <stdexcept>

namespace anpr::plate {

class PlateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::plate
