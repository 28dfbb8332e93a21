// Border local time; see border_time.h.
#include "central/alerts/border_time.h"

#include <chrono>

namespace anpr::alerts {

namespace {

using namespace std::chrono;

constexpr int64_t kHourUs = 3'600'000'000LL;
constexpr int64_t kDayUs = 24 * kHourUs;

// 01:00 UTC on the last Sunday of `month` in `y`, in µs since the epoch.
int64_t switch_instant_us(year y, month m) {
  sys_days day{year_month_weekday_last{y, m, weekday_last{Sunday}}};
  return duration_cast<microseconds>(day.time_since_epoch()).count() + kHourUs;
}

}  // namespace

int64_t border_utc_offset_us(int64_t utc_us) {
  sys_days day = floor<days>(sys_time<microseconds>{microseconds{utc_us}});
  year y = year_month_day{day}.year();
  bool summer = utc_us >= switch_instant_us(y, March) && utc_us < switch_instant_us(y, October);
  return (summer ? 3 : 2) * kHourUs;
}

int border_minute_of_day(int64_t utc_us) {
  int64_t local = utc_us + border_utc_offset_us(utc_us);
  int64_t into_day = ((local % kDayUs) + kDayUs) % kDayUs;
  return static_cast<int>(into_day / 60'000'000LL);
}

}  // namespace anpr::alerts
