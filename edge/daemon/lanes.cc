// Lane lookup by point-in-polygon; see lanes.h.
#include "edge/daemon/lanes.h"

#include <opencv2/imgproc.hpp>

namespace anpr::daemon {

std::uint32_t lane_of(const std::vector<Lane>& lanes, cv::Point2f plate_centre) {
  for (const Lane& lane : lanes) {
    if (cv::pointPolygonTest(lane.polygon, plate_centre, false) >= 0) return lane.number;
  }
  return 0;
}

}  // namespace anpr::daemon
