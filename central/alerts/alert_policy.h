// Who is told about what. A watchlist entry or rule names the agency that
// owns it; shared watchlist entries and the border-wide findings (crossings,
// impossible travel) also go to the partner agencies, restricted entries and
// an agency's own rules go to their owner only. The topic an alert is
// published under names the receiving agency and the priority, so each
// agency's subscribers see exactly what is meant for them
// (alert_publisher.h lets a subscriber subscribe to its own agency only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "anpr/v1/alert.pb.h"

namespace anpr::alerts {

// Which agency receives crossing or impossible-travel alerts, and how
// urgent they are. An empty agency means the finding is stored (crossings
// table) but raises no alert.
struct FindingAlert {
  std::string agency;
  v1::AlertPriority priority = v1::ALERT_PRIORITY_LOW;
};

struct AlertPolicy {
  // Agencies that receive shared alerts besides their owner.
  std::vector<std::string> partners;
  FindingAlert crossing;
  FindingAlert impossible_travel{{}, v1::ALERT_PRIORITY_HIGH};
};

// "low", "medium", "high", "critical"; throws std::invalid_argument for
// UNSPECIFIED or a value this build does not know.
std::string_view priority_name(v1::AlertPriority priority);

// "<agency>.<priority>", the topic frame of docs/protocol.md.
std::string topic(std::string_view agency, v1::AlertPriority priority);

// `owner` first, then each partner not already listed.
std::vector<std::string> shared_audience(const std::string& owner, const AlertPolicy& policy);

}  // namespace anpr::alerts
