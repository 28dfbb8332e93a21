// When a watchlist entry applies; see watchlist_entry.h.
#include "central/watchlist/watchlist_entry.h"

namespace anpr::watchlist {

bool ActiveHours::contains(int minute_of_day) const {
  if (start_minute <= end_minute) return minute_of_day >= start_minute && minute_of_day < end_minute;
  return minute_of_day >= start_minute || minute_of_day < end_minute;
}

bool Entry::has_wildcard() const { return pattern.find_first_of("*?") != std::string::npos; }

bool in_force(const Entry& entry, const MatchTime& when) {
  if (when.at_us < entry.valid_from_us || when.at_us >= entry.valid_until_us) return false;
  return !entry.active_hours || entry.active_hours->contains(when.local_minute_of_day);
}

bool country_allows(const Entry& entry, const std::string& country) {
  return entry.country.empty() || country.empty() || entry.country == country;
}

}  // namespace anpr::watchlist
