// Where a finished track becomes durable: its evidence JPEGs are cut from
// the kept best frame, the Sighting is built with a fresh UUIDv7 event id and
// the clock state, and it is appended to the spool, which syncs it to disk
// before returning. From then on a crash or a dead link cannot lose it; the
// sender picks it up from the spool. Thread-safe (the spool is; the rest is
// per call).
#pragma once

#include <cstdint>

#include "edge/daemon/clock_sync.h"
#include "edge/daemon/edge_config.h"
#include "edge/daemon/evidence_keeper.h"
#include "edge/daemon/send_latency.h"
#include "edge/daemon/sighting_builder.h"
#include "edge/spool/spool.h"
#include "edge/track/tracker.h"

namespace anpr::daemon {

class SightingWriter {
 public:
  SightingWriter(spool::Spool& spool, ClockWatch& clock, const EvidenceConfig& evidence, SendLatency& latency);

  // Spools the sighting for `result`; `best_frame` is the frame of
  // result.best (nullptr if it was not kept: the sighting then goes without
  // images and with the observation's own time). Returns the spool sequence
  // number. Throws spool::SpoolError when the disk refuses it.
  std::uint64_t write(const track::TrackResult& result, const SightingContext& context, const KeptFrame* best_frame);

 private:
  spool::Spool& spool_;
  ClockWatch& clock_;
  const EvidenceConfig evidence_;
  SendLatency& latency_;
};

}  // namespace anpr::daemon
