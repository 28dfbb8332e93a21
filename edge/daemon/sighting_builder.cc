// TrackResult to Sighting; see sighting_builder.h.
#include "edge/daemon/sighting_builder.h"

#include <algorithm>
#include <cmath>

#include "anpr/wire.h"
#include "edge/daemon/lanes.h"

namespace anpr::daemon {

namespace {

// Room for the envelope around the sighting (version, message id, time and
// the field header), with margin.
constexpr std::size_t kEnvelopeOverhead = 64;

float unit(double value) { return static_cast<float>(std::clamp(value, 0.0, 1.0)); }

std::uint32_t pixels(double value) { return static_cast<std::uint32_t>(std::max(0.0, std::round(value))); }

bool fits(const v1::Sighting& sighting) {
  return sighting.ByteSizeLong() + kEnvelopeOverhead <= proto::kMaxMessageBytes;
}

}  // namespace

v1::Direction to_wire(track::Direction direction) {
  switch (direction) {
    case track::Direction::approaching: return v1::DIRECTION_APPROACHING;
    case track::Direction::receding: return v1::DIRECTION_RECEDING;
    case track::Direction::stationary: return v1::DIRECTION_STATIONARY;
    case track::Direction::unknown: break;
  }
  return v1::DIRECTION_UNSPECIFIED;
}

v1::Sighting build_sighting(const track::TrackResult& result, const SightingContext& context,
                            const v1::ClockSync& clock, std::string event_id, SightingEvidence evidence) {
  v1::Sighting s;
  s.set_event_id(std::move(event_id));
  s.set_edge_id(context.edge_id);
  s.set_camera_id(context.camera_id);
  s.set_site_id(context.site_id);
  s.set_captured_at_us(evidence.captured_at_us);
  *s.mutable_clock_sync() = clock;

  const auto& vote = result.vote;
  s.set_plate_text(vote.text);
  s.set_plate_display(vote.display);
  s.set_plate_country(vote.country);
  s.set_country_confidence(vote.country.empty() ? 0.0f : unit(vote.country_confidence));
  s.set_read_confidence(unit(vote.confidence));
  for (const auto& candidate : vote.candidates) {
    if (s.candidates_size() == 5) break;
    auto* c = s.add_candidates();
    c->set_text(candidate.text);
    c->set_confidence(unit(candidate.score));
  }

  s.set_frame_width(evidence.frame_width);
  s.set_frame_height(evidence.frame_height);
  const auto& read = result.best.read;
  auto* box = s.mutable_plate_box();
  box->set_x(pixels(read.box.x));
  box->set_y(pixels(read.box.y));
  box->set_width(pixels(read.box.width));
  box->set_height(pixels(read.box.height));
  bool has_corners = std::any_of(read.corners.begin(), read.corners.end(),
                                 [](const track::Point& p) { return p.x != 0.0 || p.y != 0.0; });
  if (has_corners) {
    for (const auto& corner : read.corners) {
      auto* p = s.add_plate_corners();
      p->set_x(static_cast<float>(corner.x));
      p->set_y(static_cast<float>(corner.y));
    }
  }

  s.set_direction(to_wire(result.direction.direction));
  s.set_lane(lane_of(context.lanes, cv::Point2f(static_cast<float>(read.box.centre_x()),
                                                static_cast<float>(read.box.centre_y()))));
  s.set_frames_seen(static_cast<std::uint32_t>(vote.frames_seen));
  s.set_plate_jpeg(std::move(evidence.plate_jpeg));
  s.set_overview_jpeg(std::move(evidence.overview_jpeg));
  s.set_engine_version(context.engine_version);
  return s;
}

std::string spool_payload(v1::Sighting& sighting) {
  if (!fits(sighting)) sighting.clear_overview_jpeg();
  if (!fits(sighting)) sighting.clear_plate_jpeg();
  return sighting.SerializeAsString();
}

}  // namespace anpr::daemon
