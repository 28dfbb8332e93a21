// Durations written for the officer reading an alert ("40 min", "2 h 5 min"),
// cut to the two largest units: the explanation says how long, the
// sightings themselves carry the exact times.
#pragma once

#include <cstdint>
#include <string>

namespace anpr::correlate {

inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
inline constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
inline constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

// "0 s", "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h"; negative durations
// are written as their magnitude.
std::string duration_text(int64_t us);

}  // namespace anpr::correlate
