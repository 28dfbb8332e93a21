// Field rules for sightings and heartbeats; see sighting_rules.h.
#include "central/ingest/sighting_rules.h"

#include <cmath>

#include "common/plate/plate_text.h"

namespace anpr::ingest {

namespace {

FieldProblem invalid(std::string detail) { return {v1::REJECT_REASON_INVALID_FIELD, std::move(detail)}; }

FieldProblem wrong_sender(std::string_view what, std::string_view claimed, std::string_view peer) {
  return {v1::REJECT_REASON_WRONG_SENDER, std::string(what) + ".edge_id '" + std::string(claimed) +
                                              "' is not the authenticated edge '" + std::string(peer) + "'"};
}

bool is_confidence(float value) { return std::isfinite(value) && value >= 0.0f && value <= 1.0f; }

bool is_country(const std::string& code) {
  return code.empty() || (code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z');
}

}  // namespace

std::optional<FieldProblem> sighting_problem(const v1::Sighting& s, std::string_view peer,
                                             const store::CaptureWindow& window, int64_t now_us) {
  if (s.edge_id() != peer) return wrong_sender("sighting", s.edge_id(), peer);
  if (s.event_id().size() != 16) {
    return invalid("event_id has " + std::to_string(s.event_id().size()) + " bytes, not 16");
  }
  if (s.camera_id().empty()) return invalid("camera_id is empty");
  if (s.site_id().empty()) return invalid("site_id is empty");
  if (s.plate_text().empty()) return invalid("plate_text is empty");
  if (!plate::is_normalised(s.plate_text())) {
    return invalid("plate_text '" + s.plate_text() + "' is not normalised (A-Z, 0-9 only)");
  }
  if (s.captured_at_us() == 0) return invalid("captured_at_us is not set");
  if (!is_confidence(s.read_confidence())) {
    return invalid("read_confidence " + std::to_string(s.read_confidence()) + " is outside [0, 1]");
  }
  if (!is_confidence(s.country_confidence())) {
    return invalid("country_confidence " + std::to_string(s.country_confidence()) + " is outside [0, 1]");
  }
  for (int i = 0; i < s.candidates_size(); ++i) {
    if (!is_confidence(s.candidates(i).confidence())) {
      return invalid("candidates[" + std::to_string(i) + "].confidence is outside [0, 1]");
    }
  }
  if (!is_country(s.plate_country())) {
    return invalid("plate_country '" + s.plate_country() + "' is neither empty nor two upper-case letters");
  }
  if (s.plate_corners_size() != 0 && s.plate_corners_size() != 4) {
    return invalid("plate_corners has " + std::to_string(s.plate_corners_size()) + " points, not 0 or 4");
  }
  // Capture-time window and what PostgreSQL cannot hold, judged by the store's own rule.
  if (auto problem = store::storage_problem(s, now_us, window)) return invalid(*problem);
  return std::nullopt;
}

std::optional<FieldProblem> heartbeat_problem(const v1::Heartbeat& heartbeat, std::string_view peer) {
  if (heartbeat.edge_id() != peer) return wrong_sender("heartbeat", heartbeat.edge_id(), peer);
  return std::nullopt;
}

}  // namespace anpr::ingest
