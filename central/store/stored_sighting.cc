// Reading sightings back from the store; see stored_sighting.h.
#include "central/store/stored_sighting.h"

#include <cstdint>
#include <unordered_set>
#include <utility>

#include <pqxx/result>

#include "central/evidence/evidence_reader.h"
#include "central/store/evidence_lookup.h"
#include "central/store/pg_text.h"

namespace anpr::store {

namespace {

// One row per candidate (or one with NULL candidate columns when there are
// none), ordered as asked; where the images are repeats on each row but is
// read from the first only. The ledger's capture time lets each probe reach its day
// partition through the primary key. The NULL spellings of the writer's
// move statement turn back into the protocol's "unset" values.
const std::string kLoad =
    "SELECT s.event_id::text, s.edge_id, s.camera_id, s.site_id, " + epoch_us_sql("s.captured_at") +
    ", coalesce(s.clock_state, 0), coalesce(s.clock_error_us, 0), s.plate_text, coalesce(s.plate_display, ''),"
    " coalesce(s.plate_country, ''), coalesce(s.country_confidence, 0), s.read_confidence,"
    " coalesce(s.direction, 0), coalesce(s.lane, 0), s.frames_seen, coalesce(s.engine_version, ''),"
    " c.text, c.confidence, " + std::string(kEvidenceColumns) +
    " FROM unnest($1::uuid[]) WITH ORDINALITY AS w(event_id, ord)"
    " JOIN sighting_ids i ON i.event_id = w.event_id"
    " JOIN sightings s ON s.event_id = i.event_id AND s.captured_at = i.captured_at"
    " LEFT JOIN sighting_evidence e ON e.event_id = s.event_id AND e.captured_at = s.captured_at"
    " LEFT JOIN LATERAL unnest(s.candidate_texts, s.candidate_confidences) WITH ORDINALITY"
    "   AS c(text, confidence, n) ON true"
    " ORDER BY w.ord, c.n";

// The images from the kEvidenceColumns at 18; an unreadable record leaves
// the rest of the sighting and says why in `errors`.
void load_images(const pqxx::row& row, const std::filesystem::path& evidence_dir, v1::Sighting& s,
                 std::vector<std::string>& errors) {
  try {
    evidence_store::EvidenceRecord images = stored_images(row, 18, s.event_id(), s.captured_at_us(), evidence_dir);
    s.set_plate_jpeg(std::move(images.plate_jpeg));
    s.set_overview_jpeg(std::move(images.overview_jpeg));
  } catch (const evidence_store::EvidenceError& e) {
    errors.push_back(e.what());
  }
}

v1::Sighting sighting_of(const pqxx::row& row) {
  v1::Sighting s;
  s.set_event_id(uuid_bytes(row[0].c_str()));
  s.set_edge_id(row[1].as<std::string>());
  s.set_camera_id(row[2].as<std::string>());
  s.set_site_id(row[3].as<std::string>());
  s.set_captured_at_us(row[4].as<int64_t>());
  s.mutable_clock_sync()->set_state(static_cast<v1::ClockSyncState>(row[5].as<int>()));
  s.mutable_clock_sync()->set_error_bound_us(row[6].as<uint32_t>());
  s.set_plate_text(row[7].as<std::string>());
  s.set_plate_display(row[8].as<std::string>());
  s.set_plate_country(row[9].as<std::string>());
  s.set_country_confidence(row[10].as<float>());
  s.set_read_confidence(row[11].as<float>());
  s.set_direction(static_cast<v1::Direction>(row[12].as<int>()));
  s.set_lane(row[13].as<uint32_t>());
  s.set_frames_seen(row[14].as<uint32_t>());
  s.set_engine_version(row[15].as<std::string>());
  return s;
}

}  // namespace

StoredSightings load_sightings(pqxx::transaction_base& tx, const std::vector<std::string>& event_ids,
                               const std::filesystem::path& evidence_dir) {
  StoredSightings out;
  if (event_ids.empty()) return out;
  std::vector<std::string> texts;
  texts.reserve(event_ids.size());
  for (const std::string& id : event_ids) texts.push_back(uuid_text(id));
  std::unordered_set<std::string> found;
  for (const pqxx::row& row : tx.exec_params(kLoad, text_array(texts))) {
    std::string id = uuid_bytes(row[0].c_str());
    if (found.insert(id).second) {
      out.found.push_back(sighting_of(row));
      load_images(row, evidence_dir, out.found.back(), out.evidence_errors);
    }
    if (!row[16].is_null()) {
      v1::PlateCandidate* c = out.found.back().add_candidates();
      c->set_text(row[16].as<std::string>());
      c->set_confidence(row[17].as<float>());
    }
  }
  for (const std::string& id : event_ids) {
    if (!found.contains(id)) out.missing.push_back(id);
  }
  return out;
}

}  // namespace anpr::store
