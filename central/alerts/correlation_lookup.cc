// Batched correlation look-ups; see correlation_lookup.h.
#include "central/alerts/correlation_lookup.h"

#include <string>

#include <pqxx/result>

#include "central/alerts/correlation_view.h"
#include "central/store/pg_text.h"

namespace anpr::alerts {

namespace {

struct BatchArrays {
  std::string plates;
  std::string times;
};

BatchArrays arrays_of(std::span<const v1::Sighting* const> current) {
  std::vector<std::string> plates;
  std::vector<std::string> times;
  plates.reserve(current.size());
  times.reserve(current.size());
  for (const v1::Sighting* s : current) {
    plates.push_back(s->plate_text());
    times.push_back(store::timestamptz_text(s->captured_at_us()));
  }
  return {store::text_array(plates), store::text_array(times)};
}

const std::string kPrevious =
    "SELECT c.ord, p.event_id::text, coalesce(p.plate_country, ''), p.site_id, p.camera_id, " +
    store::epoch_us_sql("p.captured_at") +
    ", coalesce(p.direction, 0), p.read_confidence, coalesce(p.clock_state, 0), coalesce(p.clock_error_us, 0)"
    " FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS c(plate, at, ord)"
    " CROSS JOIN LATERAL ("
    "   SELECT * FROM sightings s"
    "   WHERE s.plate_text = c.plate AND s.captured_at < c.at AND s.read_confidence >= $3"
    "   ORDER BY s.captured_at DESC LIMIT 1) p";

const std::string kCrossings =
    "SELECT c.ord, " + store::epoch_us_sql("x.to_at") +
    " FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS c(plate, at, ord)"
    " JOIN crossings x ON x.plate_text = c.plate AND x.to_at <= c.at"
    "   AND x.to_at >= c.at - $3::bigint * interval '1 microsecond'"
    " ORDER BY c.ord, x.to_at";

}  // namespace

std::vector<std::optional<correlate::Sighting>> previous_sightings(pqxx::transaction_base& tx,
                                                                   std::span<const v1::Sighting* const> current,
                                                                   double min_confidence) {
  std::vector<std::optional<correlate::Sighting>> out(current.size());
  if (current.empty()) return out;
  BatchArrays arrays = arrays_of(current);
  for (const pqxx::row& row : tx.exec_params(kPrevious, arrays.plates, arrays.times, min_confidence)) {
    std::size_t i = row[0].as<std::size_t>() - 1;
    correlate::Sighting s;
    s.event_id = store::uuid_bytes(row[1].c_str());
    s.plate_text = current[i]->plate_text();
    s.plate_country = row[2].as<std::string>();
    s.site_id = row[3].as<std::string>();
    s.camera_id = row[4].as<std::string>();
    s.captured_at_us = row[5].as<int64_t>();
    s.direction = direction_of(row[6].as<int>());
    s.read_confidence = row[7].as<double>();
    s.clock_state = clock_state_of(row[8].as<int>());
    s.clock_error_us = row[9].as<int64_t>();
    out[i] = std::move(s);
  }
  return out;
}

std::vector<std::vector<int64_t>> recent_crossings(pqxx::transaction_base& tx,
                                                   std::span<const v1::Sighting* const> current, int64_t lookback_us) {
  std::vector<std::vector<int64_t>> out(current.size());
  if (current.empty() || lookback_us <= 0) return out;
  BatchArrays arrays = arrays_of(current);
  for (const pqxx::row& row : tx.exec_params(kCrossings, arrays.plates, arrays.times, lookback_us)) {
    out[row[0].as<std::size_t>() - 1].push_back(row[1].as<int64_t>());
  }
  return out;
}

}  // namespace anpr::alerts
