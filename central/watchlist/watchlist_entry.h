// One entry of a watchlist: the plate (exact, with wildcards, or fuzzy under
// an OCR tolerance), for which country, why it is listed, how urgent a hit is,
// who owns it and whether partner agencies may see its hits, and when it
// is in force. Whether an entry applies at a moment is decided here, apart
// from plate matching, so both can be tested on their own.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "common/plate/plate_match.h"

namespace anpr::watchlist {

enum class Visibility { kShared, kRestricted };

// Minutes after local midnight; start > end spans midnight ("22:00-06:00").
struct ActiveHours {
  int start_minute = 0;
  int end_minute = 24 * 60;

  bool contains(int minute_of_day) const;
};

struct Entry {
  int64_t id = 0;
  std::string list;     // the watchlist's name, e.g. "stolen-lv"
  std::string pattern;  // normalised plate; '*' and '?' are wildcards
  std::string country;  // ISO 3166 alpha-2; empty matches any country
  // A fuzzy entry also matches reads within its list's OCR tolerance; any
  // other entry matches its pattern exactly (wildcards aside).
  bool fuzzy = false;
  plate::MatchTolerance list_tolerance;
  std::string reason;  // stolen, wanted, smuggling suspect, ...
  int priority = 2;    // 1 low .. 4 critical, as anpr.v1.AlertPriority
  std::string agency;  // owning agency, e.g. "lv-vp", "lt-vsat"
  Visibility visibility = Visibility::kShared;
  int64_t valid_from_us = std::numeric_limits<int64_t>::min();
  int64_t valid_until_us = std::numeric_limits<int64_t>::max();
  std::optional<ActiveHours> active_hours;

  bool has_wildcard() const;
  plate::MatchTolerance tolerance() const { return fuzzy ? list_tolerance : plate::MatchTolerance{}; }
};

// The moment a sighting is checked at: UTC for validity, local time of day
// (the border's zone, Europe/Riga = Europe/Vilnius) for active hours.
struct MatchTime {
  int64_t at_us = 0;
  int local_minute_of_day = 0;
};

// True when `entry` is valid and active at `when`.
bool in_force(const Entry& entry, const MatchTime& when);

// True when the entry's country does not rule out a read of `country`: an
// unknown read country ("") does not exclude, since a plate may be read
// without its country.
bool country_allows(const Entry& entry, const std::string& country);

}  // namespace anpr::watchlist
