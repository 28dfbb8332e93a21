// The engine's reads of one frame in the form the tracker takes them. The
// two modules describe a plate independently (the engine in OpenCV types,
// the tracker in plain values so it stays free of OpenCV); this is the one
// place that maps one onto the other.
#pragma once

#include <cstdint>
#include <vector>

#include "edge/engine/plate_read.h"
#include "edge/track/observation.h"

namespace anpr::daemon {

// Reads without text or without a positive box are left out: the tracker
// refuses them, and they carry nothing to vote on. The engine reports no
// separate country confidence (its country is the best format fit, checked
// against the EU band), so an identified country counts as certain for that
// read and the tracker's vote across reads measures the doubt.
track::FrameReads to_frame_reads(std::int64_t timestamp_us, std::uint64_t frame_index,
                                 const std::vector<engine::PlateRead>& reads);

}  // namespace anpr::daemon
