// Human-readable durations; see duration_text.h.
#include "central/correlate/duration_text.h"

#include <array>

namespace anpr::correlate {

namespace {

struct Unit {
  int64_t us;
  const char* name;
};

constexpr std::array<Unit, 4> kUnits{{{kMicrosPerDay, "d"}, {kMicrosPerHour, "h"}, {kMicrosPerMinute, "min"},
                                      {kMicrosPerSecond, "s"}}};

}  // namespace

std::string duration_text(int64_t us) {
  // Whole seconds, rounded half up, and as magnitude (INT64_MIN cannot occur
  // between two capture times that both passed validation).
  int64_t left = ((us < 0 ? -us : us) + kMicrosPerSecond / 2) / kMicrosPerSecond * kMicrosPerSecond;
  std::string out;
  int written = 0;
  for (const auto& unit : kUnits) {
    int64_t count = left / unit.us;
    if (written == 0 && count == 0) continue;
    if (count > 0) out += (out.empty() ? "" : " ") + std::to_string(count) + " " + unit.name;
    left -= count * unit.us;
    if (++written == 2) break;
  }
  return out.empty() ? "0 s" : out;
}

}  // namespace anpr::correlate
