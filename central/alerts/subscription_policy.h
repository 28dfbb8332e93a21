// Which alert topics a subscriber receives. A ZeroMQ PUB socket sends every
// subscriber whatever it subscribes to, so restricted watchlist hits would
// reach any agency that subscribed to the owner's topic. The publisher
// therefore reads each subscription itself (XPUB, manual mode) and applies,
// for the agency the subscriber's key is listed under, only what this policy
// grants. Pure, so the rule is tested on its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace anpr::alerts {

// The topic prefix actually applied when `agency` asks for `requested`:
//  - a prefix inside the agency's topics ("vrs.", "vrs.critical") as asked;
//  - a broader one that covers them ("", "v", "vrs") narrowed to "vrs.",
//    so "everything" means everything this agency may see (the dot keeps
//    "vrs" from also matching an agency "vrs-ops");
//  - anything else (another agency's topics) nothing.
std::optional<std::string> granted_subscription(std::string_view agency, std::string_view requested);

}  // namespace anpr::alerts
