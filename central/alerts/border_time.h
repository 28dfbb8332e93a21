// Local time at the border, which is what watchlist active hours and rule
// hours are written in. Latvia and Lithuania share one zone (Europe/Riga =
// Europe/Vilnius: UTC+2, UTC+3 in summer under the EU rule: from 01:00 UTC
// on the last Sunday of March to 01:00 UTC on the last Sunday of October).
// The rule is computed here because this compiler's standard library has no
// time-zone database and setting TZ would change the whole process; should
// the EU drop summer time, this is the one place to change.
#pragma once

#include <cstdint>

namespace anpr::alerts {

// Offset of border local time from UTC at the instant `utc_us`, in µs.
int64_t border_utc_offset_us(int64_t utc_us);

// Minutes after local midnight at the border, 0 .. 1439.
int border_minute_of_day(int64_t utc_us);

}  // namespace anpr::alerts
