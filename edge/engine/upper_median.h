// The middle value of a handful of measurements, by partial sort: rows of
// blobs take their character height this way, plates their typical
// character contrast, parts the gray of their ground, the I/J check the
// line its row's characters stand on.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace anpr::engine {

// The value at position size/2 were `values` sorted: the median, the upper
// of the two middle values for an even count. `values` must not be empty.
template <typename T>
T upper_median(std::vector<T> values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace anpr::engine
