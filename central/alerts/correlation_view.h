// The correlation library's view of a sighting (central/correlate/sighting.h)
// made from the wire message, so that correlation depends on neither
// protobuf nor the database.
#pragma once

#include "anpr/v1/sighting.pb.h"
#include "central/correlate/sighting.h"

namespace anpr::alerts {

correlate::Sighting correlation_view(const v1::Sighting& sighting);

// The protocol's enum numbers, wherever they were read from; a value this
// build does not know reads as unspecified (docs/protocol.md).
correlate::Direction direction_of(int value);
correlate::ClockState clock_state_of(int value);

}  // namespace anpr::alerts
