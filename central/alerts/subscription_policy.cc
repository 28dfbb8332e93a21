// Subscription policy; see subscription_policy.h.
#include "central/alerts/subscription_policy.h"

namespace anpr::alerts {

std::optional<std::string> granted_subscription(std::string_view agency, std::string_view requested) {
  if (agency.empty()) return std::nullopt;
  const std::string own = std::string(agency) + '.';
  if (requested.starts_with(own)) return std::string(requested);
  if (std::string_view(own).starts_with(requested)) return own;
  return std::nullopt;
}

}  // namespace anpr::alerts
