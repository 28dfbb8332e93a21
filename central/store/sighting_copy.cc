// Shipping a batch of sightings; see sighting_copy.h. libpqxx 6.4's
// stream_to sends text-format COPY and escapes each field, so values are
// spelled as PostgreSQL text (pg_text.h) and never reach any SQL text.
#include "central/store/sighting_copy.h"

#include <tuple>
#include <vector>

#include <pqxx/stream_to>

#include "central/store/pg_text.h"
#include "common/plate/ocr_equivalence.h"

namespace anpr::store {

namespace {

// In the order of the tuple row_of() builds. uint32 fields are bigint and
// enums integer, so no value an edge can send fails the COPY.
constexpr const char* kColumns = R"sql((
  event_id              uuid NOT NULL,
  captured_at           timestamptz NOT NULL,
  edge_id               text NOT NULL,
  camera_id             text NOT NULL,
  site_id               text NOT NULL,
  plate_text            text NOT NULL,
  plate_key             text NOT NULL,
  plate_display         text NOT NULL,
  plate_country         text NOT NULL,
  country_confidence    real NOT NULL,
  read_confidence       real NOT NULL,
  candidate_texts       text[] NOT NULL,
  candidate_confidences real[] NOT NULL,
  frame_width           bigint NOT NULL,
  frame_height          bigint NOT NULL,
  plate_box             bigint[] NOT NULL,
  plate_corners         real[] NOT NULL,
  direction             integer NOT NULL,
  lane                  bigint NOT NULL,
  frames_seen           bigint NOT NULL,
  clock_state           integer NOT NULL,
  clock_error_us        bigint NOT NULL,
  engine_version        text NOT NULL,
  batch_index           integer NOT NULL
))sql";

const std::vector<std::string> kColumnNames = {
    "event_id", "captured_at", "edge_id", "camera_id", "site_id",
    "plate_text", "plate_key", "plate_display", "plate_country", "country_confidence",
    "read_confidence", "candidate_texts", "candidate_confidences", "frame_width", "frame_height",
    "plate_box", "plate_corners", "direction", "lane", "frames_seen",
    "clock_state", "clock_error_us", "engine_version", "batch_index"};

auto row_of(const anpr::v1::Sighting& s, int batch_index) {
  std::vector<std::string> candidate_texts;
  std::vector<float> candidate_confidences;
  for (const auto& c : s.candidates()) {
    candidate_texts.push_back(c.text());
    candidate_confidences.push_back(c.confidence());
  }
  std::vector<int64_t> box;
  if (s.has_plate_box()) {
    const auto& b = s.plate_box();
    box = {b.x(), b.y(), b.width(), b.height()};
  }
  std::vector<float> corners;
  for (const auto& p : s.plate_corners()) {
    corners.push_back(p.x());
    corners.push_back(p.y());
  }
  return std::make_tuple(
      uuid_text(s.event_id()), timestamptz_text(s.captured_at_us()), s.edge_id(), s.camera_id(), s.site_id(),
      s.plate_text(), plate::ocr_canonical_key(s.plate_text()), s.plate_display(), s.plate_country(),
      real_text(s.country_confidence()), real_text(s.read_confidence()), text_array(candidate_texts),
      real_array(candidate_confidences), int64_t{s.frame_width()}, int64_t{s.frame_height()}, bigint_array(box),
      real_array(corners), static_cast<int>(s.direction()), int64_t{s.lane()}, int64_t{s.frames_seen()},
      static_cast<int>(s.clock_sync().state()), int64_t{s.clock_sync().error_bound_us()}, s.engine_version(),
      batch_index);
}

}  // namespace

std::string staging_columns_sql() { return kColumns; }

void copy_sightings(pqxx::transaction_base& tx, const std::string& table,
                    std::span<const anpr::v1::Sighting* const> rows) {
  pqxx::stream_to copy(tx, table, kColumnNames);
  int batch_index = 0;
  for (const anpr::v1::Sighting* s : rows) copy << row_of(*s, ++batch_index);
  copy.complete();
}

}  // namespace anpr::store
