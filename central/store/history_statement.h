// Turning an investigator's plate-history question into one parameterised
// SQL statement, apart from running it, so the translation (normalising
// what was typed, wildcards into LIKE with escaping, the OCR-tolerant key)
// is tested without a database. Plate text only ever travels as a
// parameter; the SQL text is assembled from fixed fragments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anpr::store {

struct HistoryQuery {
  // As typed: case, spaces and hyphens do not matter. '*' stands for any
  // run of characters, '?' for exactly one.
  std::string plate;
  // Also find spellings that differ only by OCR look-alikes (8/B, 0/O/D/Q,
  // 1/I, 2/Z, 5/S, 6/G), by comparing OCR-canonical keys.
  bool ocr_tolerant = false;
  std::optional<int64_t> from_us{};   // captured at or after, µs since the epoch
  std::optional<int64_t> until_us{};  // captured before
  std::optional<std::string> site_id{};
  int limit = 100;                  // newest first, 1 .. kMaxHistoryRows
};

inline constexpr int kMaxHistoryRows = 10000;

struct HistoryStatement {
  std::string sql;
  std::vector<std::string> params;  // $1, $2, ... in order
  std::string plate;                // the normalised plate or pattern
  std::string description;          // the query in words, for the audit log
};

// Throws StoreError when the plate holds characters no plate has or nothing
// at all, when from is not before until, or when limit is out of range.
HistoryStatement history_statement(const HistoryQuery& query);

// A LIKE pattern for a normalised plate pattern: '*' -> '%', '?' -> '_', and
// LIKE's own '%', '_' and '\' escaped so they match only themselves.
std::string like_pattern(std::string_view plate_pattern);

}  // namespace anpr::store
