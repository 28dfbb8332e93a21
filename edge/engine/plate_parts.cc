// Whole-plate reader inputs; see plate_parts.h.
#include "edge/engine/plate_parts.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <opencv2/imgproc.hpp>

#include "edge/engine/engine_error.h"
#include "edge/engine/ink_gray.h"

namespace anpr::engine {

Quad plate_from_row(const Quad& row, const RowToPlate& grow) {
  const float h = quad_height(row);
  return grown(row, grow.left * h, grow.right * h, grow.top * h, grow.bottom * h);
}

Quad plate_from_rows(const std::vector<Quad>& rows, const RowToPlate& grow) {
  if (rows.empty()) throw EngineError("plate_from_rows needs at least one row");
  std::vector<Quad> plates;
  for (const Quad& row : rows) plates.push_back(plate_from_row(row, grow));
  const cv::Point2f origin = plates.front().corners[0];
  cv::Point2f along = plates.front().corners[1] - origin;
  along *= static_cast<float>(1 / std::max(1e-6, cv::norm(along)));
  const cv::Point2f across(-along.y, along.x);
  float u0 = std::numeric_limits<float>::max(), u1 = -u0, v0 = u0, v1 = -u0;
  for (const Quad& q : plates) {
    for (const cv::Point2f& p : q.corners) {
      const cv::Point2f d = p - origin;
      u0 = std::min(u0, d.dot(along));
      u1 = std::max(u1, d.dot(along));
      v0 = std::min(v0, d.dot(across));
      v1 = std::max(v1, d.dot(across));
    }
  }
  const auto at = [&](float u, float v) { return origin + along * u + across * v; };
  return Quad{{at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)}};
}

std::vector<Quad> plate_bands(const Quad& plate, int count) {
  const auto& c = plate.corners;
  std::vector<Quad> bands;
  for (int i = 0; i < count; ++i) {
    const float top = static_cast<float>(i) / count, bottom = static_cast<float>(i + 1) / count;
    bands.push_back(Quad{{c[0] + (c[3] - c[0]) * top, c[1] + (c[2] - c[1]) * top, c[1] + (c[2] - c[1]) * bottom,
                          c[0] + (c[3] - c[0]) * bottom}});
  }
  return bands;
}

std::vector<std::vector<Quad>> plate_layouts(const Quad& plate, int rows_seen) {
  if (rows_seen >= 2) return {plate_bands(plate, rows_seen)};
  const float height = quad_height(plate);
  if (height > 0 && quad_width(plate) / height < kTwoRowMaxAspect) return {{plate}, plate_bands(plate, 2)};
  return {{plate}};
}

cv::Mat warp_part(const cv::Mat& bgr, const Quad& part, int height, double shear) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw EngineError("warp_part needs a non-empty BGR image");
  const float h = std::max(1.0f, quad_height(part));
  const cv::Size size(std::max(8, static_cast<int>(std::lround(quad_width(part) * height / h))), height);
  return ink_gray(warp_quad(bgr, part, size, cv::INTER_LINEAR, shear));
}

}  // namespace anpr::engine
