// A TrackResult turned into the anpr.v1.Sighting that is spooled and sent:
// ids, times, the voted plate, geometry, direction, lane and the evidence
// JPEGs. Pure: the caller supplies the event id, the clock state and the
// images, so every field mapping is testable without a camera or a clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anpr/v1/sighting.pb.h"
#include "edge/daemon/edge_config.h"
#include "edge/track/tracker.h"

namespace anpr::daemon {

// What is fixed for one camera.
struct SightingContext {
  std::string edge_id;
  std::string site_id;
  std::string camera_id;
  std::string engine_version;
  std::vector<Lane> lanes;
};

// What comes from the best frame of the track.
struct SightingEvidence {
  std::int64_t captured_at_us = 0;  // UTC capture time of the best frame
  std::uint32_t frame_width = 0;
  std::uint32_t frame_height = 0;
  std::string plate_jpeg;     // empty when disabled or unavailable
  std::string overview_jpeg;
};

v1::Sighting build_sighting(const track::TrackResult& result, const SightingContext& context,
                            const v1::ClockSync& clock, std::string event_id, SightingEvidence evidence);

// The serialized sighting to spool. Its envelope must stay within
// proto::kMaxMessageBytes or central would never take it, so, as
// docs/protocol.md asks, the overview is dropped first and then the plate
// patch; `sighting` is left as stored. Returns the bytes.
std::string spool_payload(v1::Sighting& sighting);

v1::Direction to_wire(track::Direction direction);

}  // namespace anpr::daemon
