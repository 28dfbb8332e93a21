// Storability checks; see sighting_checks.h.
#include "central/store/sighting_checks.h"

#include <string_view>

#include "central/store/pg_text.h"

namespace anpr::store {

namespace {

std::optional<std::string> nul_in(std::string_view field, std::string_view value) {
  if (value.find('\0') == std::string_view::npos) return std::nullopt;
  return std::string(field) + " contains a NUL character";
}

}  // namespace

std::optional<std::string> storage_problem(const anpr::v1::Sighting& s, int64_t now_us,
                                           const CaptureWindow& window) {
  if (s.event_id().size() != 16) {
    return "event_id is " + std::to_string(s.event_id().size()) + " bytes, not 16";
  }
  int64_t earliest = now_us - window.max_age.count();
  int64_t latest = now_us + window.max_ahead.count();
  if (s.captured_at_us() < earliest || s.captured_at_us() > latest) {
    return "captured_at_us " + std::to_string(s.captured_at_us()) + " is outside the accepted window " +
           timestamptz_text(earliest) + " .. " + timestamptz_text(latest);
  }
  for (auto [field, value] : {std::pair<std::string_view, std::string_view>{"edge_id", s.edge_id()},
                              {"camera_id", s.camera_id()},
                              {"site_id", s.site_id()},
                              {"plate_text", s.plate_text()},
                              {"plate_display", s.plate_display()},
                              {"plate_country", s.plate_country()},
                              {"engine_version", s.engine_version()}}) {
    if (auto problem = nul_in(field, value)) return problem;
  }
  for (const auto& candidate : s.candidates()) {
    if (auto problem = nul_in("a candidate's text", candidate.text())) return problem;
  }
  return std::nullopt;
}

}  // namespace anpr::store
