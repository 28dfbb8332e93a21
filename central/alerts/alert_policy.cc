// Alert audiences and topics; see alert_policy.h.
#include "central/alerts/alert_policy.h"

#include <algorithm>
#include <stdexcept>

namespace anpr::alerts {

std::string_view priority_name(v1::AlertPriority priority) {
  switch (priority) {
    case v1::ALERT_PRIORITY_LOW: return "low";
    case v1::ALERT_PRIORITY_MEDIUM: return "medium";
    case v1::ALERT_PRIORITY_HIGH: return "high";
    case v1::ALERT_PRIORITY_CRITICAL: return "critical";
    default: break;
  }
  throw std::invalid_argument("alert priority " + std::to_string(priority) + " has no topic name");
}

std::string topic(std::string_view agency, v1::AlertPriority priority) {
  std::string out(agency);
  out += '.';
  out += priority_name(priority);
  return out;
}

std::vector<std::string> shared_audience(const std::string& owner, const AlertPolicy& policy) {
  std::vector<std::string> audience{owner};
  for (const std::string& partner : policy.partners) {
    if (std::find(audience.begin(), audience.end(), partner) == audience.end()) audience.push_back(partner);
  }
  return audience;
}

}  // namespace anpr::alerts
