// Which configured lane a plate is in. A camera over two lanes sees both; the
// lane tells investigators which booth or barrier the car used. The plate's
// centre decides: a plate straddling a lane line is where most of it is.
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/daemon/edge_config.h"

namespace anpr::daemon {

// The number of the first lane whose polygon contains `plate_centre` (the
// border counts as inside), or 0 (unknown) when none does or none is
// configured.
std::uint32_t lane_of(const std::vector<Lane>& lanes, cv::Point2f plate_centre);

}  // namespace anpr::daemon
