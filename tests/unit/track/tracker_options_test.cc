// Validation of the tracker's options, including how they must relate.
#include "edge/track/tracker_options.h"

#include <gtest/gtest.h>

#include "edge/track/track_error.h"
#include "edge/track/tracker.h"

namespace anpr::track {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(TrackerOptions, DefaultsValidate) { EXPECT_NO_THROW(validate(TrackerOptions{})); }

TEST(TrackerOptions, InconsistentOptionsAreRefused) {
  const auto refused = [](auto change) {
    TrackerOptions options;
    change(options);
    EXPECT_THROW(validate(options), TrackError);
    EXPECT_THROW(Tracker{options}, TrackError);
  };
  refused([](TrackerOptions& o) { o.max_gap = seconds(0); });
  refused([](TrackerOptions& o) { o.max_track_duration = milliseconds(500); });
  refused([](TrackerOptions& o) { o.max_delay = seconds(8); });
  refused([](TrackerOptions& o) { o.rearm_interval = seconds(-1); });
  refused([](TrackerOptions& o) { o.min_frames = 0; });
  refused([](TrackerOptions& o) { o.min_confidence = 1.1; });
  refused([](TrackerOptions& o) { o.early_min_frames = 2; });
  refused([](TrackerOptions& o) { o.early_min_confidence = 0.4; });
  refused([](TrackerOptions& o) { o.motion_history = 1; });
  refused([](TrackerOptions& o) { o.text_history = 0; });
  refused([](TrackerOptions& o) { o.association.max_text_distance = 2.0; });
  refused([](TrackerOptions& o) { o.voter.country_hints = {"ZZ"}; });
  refused([](TrackerOptions& o) { o.direction.camera_heading_deg = -10.0; });
}

TEST(TrackerOptions, MessagesNameTheOption) {
  TrackerOptions options;
  options.early_min_frames = 2;
  try {
    validate(options);
    FAIL() << "early_min_frames below min_frames accepted";
  } catch (const TrackError& e) {
    EXPECT_NE(std::string(e.what()).find("early_min_frames"), std::string::npos) << e.what();
  }
}

TEST(TrackerOptions, EarlyEmissionCanBeTurnedOff) {
  TrackerOptions options;
  options.max_delay.reset();
  EXPECT_NO_THROW(validate(options));
}

}  // namespace
}  // namespace anpr::track
