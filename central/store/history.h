// Plate history for investigators: where and when a plate (or a pattern, or
// its OCR look-alikes) was seen, newest first. Looking up a person's
// movements is an intrusion that must be accountable, so every search is
// written to the audit log in the same transaction that reads the rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/connection_base>

#include "central/store/history_statement.h"

namespace anpr::store {

struct HistoryRow {
  std::string event_id;  // raw 16 bytes
  std::string site_id;
  std::string camera_id;
  int64_t captured_at_us = 0;
  std::string plate_text;
  std::string plate_display;  // empty when the format was not recognised
  std::string plate_country;  // empty when not identified
  float read_confidence = 0;
  float country_confidence = 0;
};

// Who asks and why (a case number, a justification); both required.
struct Requester {
  std::string actor;
  std::string reason;
};

// Runs `query` and records it for `who` (action "plate_history"). Throws
// StoreError for a malformed query or a missing actor or reason, before
// anything is read.
std::vector<HistoryRow> search_plate_history(pqxx::connection_base& conn, const HistoryQuery& query,
                                             const Requester& who);

}  // namespace anpr::store
