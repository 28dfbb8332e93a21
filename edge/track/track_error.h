// The one exception type of anpr_track. The tracker's inputs come from the
// recognition stage and its options from the daemon's configuration, so a bad
// value is reported to the caller with the frame, read or option named in
// the message rather than silently clamped.
#pragma once

#include <stdexcept>

namespace anpr::track {

class TrackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::track
