// Plate-history SQL; see history_statement.h. Each filter adds a fixed SQL
// fragment and a parameter, so the statement the planner sees has only the
// predicates in use and can prune day partitions by the time range.
#include "central/store/history_statement.h"

#include "central/store/pg_text.h"
#include "central/store/store_error.h"
#include "common/plate/ocr_equivalence.h"
#include "common/plate/plate_text.h"

namespace anpr::store {

std::string like_pattern(std::string_view plate_pattern) {
  std::string out;
  out.reserve(plate_pattern.size());
  for (char c : plate_pattern) {
    switch (c) {
      case '*': out += '%'; break;
      case '?': out += '_'; break;
      case '%':
      case '_':
      case '\\':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

HistoryStatement history_statement(const HistoryQuery& query) {
  plate::NormalisedText normalised = plate::normalise_pattern(query.plate);
  if (!normalised.clean()) {
    throw StoreError("plate search '" + query.plate + "' contains characters no plate has: " + normalised.rejected);
  }
  if (normalised.text.empty()) throw StoreError("plate search '" + query.plate + "' names no plate");
  if (query.limit < 1 || query.limit > kMaxHistoryRows) {
    throw StoreError("history limit " + std::to_string(query.limit) + " is outside 1.." +
                     std::to_string(kMaxHistoryRows));
  }
  if (query.from_us && query.until_us && *query.from_us >= *query.until_us) {
    throw StoreError("history time range is empty: from " + timestamptz_text(*query.from_us) + " is not before " +
                     timestamptz_text(*query.until_us));
  }

  HistoryStatement st;
  st.plate = normalised.text;
  bool wildcard = st.plate.find_first_of("*?") != std::string::npos;
  std::string compared = query.ocr_tolerant ? plate::ocr_canonical_key(st.plate) : st.plate;
  auto param = [&st](std::string value) {
    st.params.push_back(std::move(value));
    return "$" + std::to_string(st.params.size());
  };

  st.sql = "SELECT event_id::text, site_id, camera_id, " + epoch_us_sql("captured_at") +
           ", plate_text, coalesce(plate_display, ''), coalesce(plate_country, ''), read_confidence,"
           " coalesce(country_confidence, 0) FROM sightings WHERE ";
  st.sql += query.ocr_tolerant ? "plate_key" : "plate_text";
  st.sql += wildcard ? " LIKE " + param(like_pattern(compared)) : " = " + param(compared);
  st.description = "plate=" + st.plate + (wildcard ? " match=wildcard" : " match=exact") +
                   (query.ocr_tolerant ? " ocr_tolerant=yes" : " ocr_tolerant=no");
  if (query.from_us) {
    st.sql += " AND captured_at >= " + param(timestamptz_text(*query.from_us)) + "::timestamptz";
    st.description += " from=" + timestamptz_text(*query.from_us);
  }
  if (query.until_us) {
    st.sql += " AND captured_at < " + param(timestamptz_text(*query.until_us)) + "::timestamptz";
    st.description += " until=" + timestamptz_text(*query.until_us);
  }
  if (query.site_id) {
    st.sql += " AND site_id = " + param(*query.site_id);
    st.description += " site=" + *query.site_id;
  }
  st.sql += " ORDER BY captured_at DESC, event_id LIMIT " + param(std::to_string(query.limit)) + "::integer";
  st.description += " limit=" + std::to_string(query.limit);
  return st;
}

}  // namespace anpr::store
