// Edge boxes' CurveZMQ public keys, the allow-list the central's ZAP handler
// admits (table edge_keys, migration 0001). Revoking keeps the row, with who
// revoked it and when, so the record of which key spoke for which box
// survives; a revoked key cannot be enrolled again (make a new pair).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

namespace anpr::cli {

struct EdgeKey {
  std::string public_key;  // Z85, 40 characters
  std::string edge_id;
  std::string site_id;  // empty when not given
  std::string comment;
  int64_t added_at_us = 0;  // set by the store
  std::string added_by;     // set by the store
  std::optional<int64_t> revoked_at_us;
  std::string revoked_by;
};

// Throws CommandError when the key is enrolled already (or was revoked) or
// the site is unknown.
void enrol_edge_key(pqxx::transaction_base& tx, const EdgeKey& key, const std::string& actor);

// Revokes the active key `key_or_edge`, or every active key of the edge of
// that id, and returns what it revoked (nothing when nothing matched).
std::vector<EdgeKey> revoke_edge_keys(pqxx::transaction_base& tx, const std::string& key_or_edge,
                                      const std::string& actor);

// All keys, revoked ones included, by edge then enrolment time.
std::vector<EdgeKey> list_edge_keys(pqxx::transaction_base& tx);

}  // namespace anpr::cli
