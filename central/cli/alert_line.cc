// Alert lines; see alert_line.h. Enum names come from the generated
// descriptors, so a kind or priority added to the protocol prints without a
// change here.
#include "central/cli/alert_line.h"

#include <algorithm>
#include <cstdio>

#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "common/uuid/uuid.h"

namespace anpr::cli {

namespace {

// "ALERT_KIND_BORDER_CROSSING" -> "border_crossing"; "" for unknown values.
std::string enum_word(const std::string& full_name, const std::string& prefix) {
  if (full_name.rfind(prefix, 0) != 0) return "";
  std::string word = full_name.substr(prefix.size());
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
  return word;
}

}  // namespace

std::string priority_name(int priority) {
  if (!v1::AlertPriority_IsValid(priority) || priority == v1::ALERT_PRIORITY_UNSPECIFIED) {
    return std::to_string(priority);
  }
  return enum_word(v1::AlertPriority_Name(static_cast<v1::AlertPriority>(priority)), "ALERT_PRIORITY_");
}

std::string kind_name(v1::AlertKind kind) {
  std::string word = enum_word(v1::AlertKind_Name(kind), "ALERT_KIND_");
  return word.empty() ? "kind-" + std::to_string(static_cast<int>(kind)) : word;
}

std::string alert_line(const v1::Alert& alert) {
  const v1::Sighting& sighting = alert.sighting();
  std::string line = time_text(alert.raised_at_us()) + " " + priority_name(alert.priority()) + " " +
                     kind_name(alert.kind()) + " " + (sighting.plate_text().empty() ? "-" : sighting.plate_text()) +
                     " site=" + sighting.site_id();
  if (alert.has_watchlist()) {
    line += " list=" + alert.watchlist().watchlist_id() + " entry=" + alert.watchlist().entry_id() +
            " listed=" + alert.watchlist().listed_plate();
  } else if (alert.has_correlation()) {
    line += " rule=" + alert.correlation().rule_id();
  }
  char distance[32];
  std::snprintf(distance, sizeof distance, "%.2f", static_cast<double>(alert.match_distance()));
  line += std::string(" distance=") + distance + " agency=" + alert.agency() + " id=" + uuid::to_text(alert.alert_id());
  return printable(line);
}

}  // namespace anpr::cli
