// Watchlist matching of one sighting; see watchlist_hits.h.
#include "central/alerts/watchlist_hits.h"

#include <algorithm>
#include <map>

#include "central/alerts/border_time.h"
#include "common/plate/plate_text.h"

namespace anpr::alerts {

float match_distance(const plate::MatchResult& match) {
  return static_cast<float>(match.other_edits) + 0.5f * static_cast<float>(match.equivalent_substitutions);
}

std::vector<watchlist::Hit> watchlist_hits(const watchlist::Index& index, const v1::Sighting& sighting) {
  const watchlist::MatchTime when{sighting.captured_at_us(), border_minute_of_day(sighting.captured_at_us())};
  std::vector<const std::string*> readings{&sighting.plate_text()};
  for (const v1::PlateCandidate& c : sighting.candidates()) {
    bool known = std::any_of(readings.begin(), readings.end(), [&](const std::string* r) { return *r == c.text(); });
    if (!known && !c.text().empty() && plate::is_normalised(c.text())) readings.push_back(&c.text());
  }

  std::map<int64_t, watchlist::Hit> best;
  for (const std::string* reading : readings) {
    for (watchlist::Hit& hit : index.match(*reading, sighting.plate_country(), when)) {
      auto [it, fresh] = best.try_emplace(hit.entry->id, hit);
      if (!fresh && match_distance(hit.match) < match_distance(it->second.match)) it->second = std::move(hit);
    }
  }
  std::vector<watchlist::Hit> hits;
  hits.reserve(best.size());
  for (auto& [id, hit] : best) hits.push_back(std::move(hit));
  std::stable_sort(hits.begin(), hits.end(), [](const watchlist::Hit& a, const watchlist::Hit& b) {
    if (a.entry->priority != b.entry->priority) return a.entry->priority > b.entry->priority;
    return match_distance(a.match) < match_distance(b.match);
  });
  return hits;
}

}  // namespace anpr::alerts
