// Building and spooling sightings; see sighting_writer.h.
#include "edge/daemon/sighting_writer.h"

#include <spdlog/spdlog.h>

#include "common/uuid/uuid.h"
#include "edge/evidence/evidence.h"

namespace anpr::daemon {

namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

}  // namespace

SightingWriter::SightingWriter(spool::Spool& spool, ClockWatch& clock, const EvidenceConfig& evidence,
                               SendLatency& latency)
    : spool_(spool), clock_(clock), evidence_(evidence), latency_(latency) {}

std::uint64_t SightingWriter::write(const track::TrackResult& result, const SightingContext& context,
                                    const KeptFrame* best_frame) {
  SightingEvidence evidence;
  auto now = std::chrono::system_clock::now();
  if (best_frame) {
    const cv::Mat& image = best_frame->image;
    evidence.captured_at_us = duration_cast<microseconds>(best_frame->captured_at.time_since_epoch()).count();
    evidence.frame_width = static_cast<std::uint32_t>(image.cols);
    evidence.frame_height = static_cast<std::uint32_t>(image.rows);
    const auto& box = result.best.read.box;
    cv::Rect plate(static_cast<int>(box.x), static_cast<int>(box.y), static_cast<int>(box.width),
                   static_cast<int>(box.height));
    if (evidence_.plate_jpeg) evidence.plate_jpeg = evidence::plate_patch(image, plate, evidence_.options);
    if (evidence_.overview_jpeg) evidence.overview_jpeg = evidence::overview(image, evidence_.options);
  } else {
    spdlog::warn("sighting_without_evidence camera={} track={} plate={} (best frame not kept)", context.camera_id,
                 result.track_id, result.vote.text);
    evidence.captured_at_us = duration_cast<microseconds>(now.time_since_epoch()).count();
  }

  auto event_id = uuid::v7(duration_cast<milliseconds>(now.time_since_epoch()).count());
  auto sighting = build_sighting(result, context, clock_.now(), event_id, std::move(evidence));
  auto seq = spool_.append(spool_payload(sighting));
  latency_.spooled(seq, std::chrono::steady_clock::time_point(microseconds(result.first_seen_us)));
  spdlog::info("sighting camera={} plate={} country={} confidence={:.2f} frames={} direction={} lane={} reason={} "
               "event_id={} seq={}",
               context.camera_id, sighting.plate_text(), sighting.plate_country(), sighting.read_confidence(),
               sighting.frames_seen(), track::to_string(result.direction.direction), sighting.lane(),
               track::to_string(result.reason), uuid::to_text(event_id), seq);
  return seq;
}

}  // namespace anpr::daemon

