// One alert from the central's PUB feed as one line of text, for an operator
// watching `anpr-cli alerts --follow` or a script reading it:
//
//   2026-11-25T08:00:03Z high watchlist AB1234 site=lv-terehova
//     list=stolen-lv entry=42 distance=0.50 agency=vp id=0190...
//
// (one line in reality). Fields are key=value after the first four so that
// grep and awk can pick them; values come from the network and are made
// printable. Pure, so the format is tested without sockets.
#pragma once

#include <string>

#include "anpr/v1/alert.pb.h"

namespace anpr::cli {

std::string alert_line(const v1::Alert& alert);

// "low" .. "critical" for 1 .. 4, the number itself otherwise; the same
// words as the PUB topics (docs/protocol.md).
std::string priority_name(int priority);

// "watchlist", "border_crossing", ... as in the alerts table.
std::string kind_name(v1::AlertKind kind);

}  // namespace anpr::cli
