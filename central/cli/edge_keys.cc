// The edge key allow-list; see edge_keys.h.
#include "central/cli/edge_keys.h"

#include <pqxx/result>

#include "central/cli/cli_errors.h"
#include "central/store/pg_text.h"

namespace anpr::cli {

namespace {

std::string key_columns() {
  return "public_key, edge_id, coalesce(site_id, ''), coalesce(comment, ''), " + store::epoch_us_sql("added_at") +
         ", added_by, " + store::epoch_us_sql("revoked_at") + ", coalesce(revoked_by, '')";
}

EdgeKey key_from_row(const pqxx::row& r) {
  EdgeKey key{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<std::string>(),
              r[4].as<int64_t>(),     r[5].as<std::string>(), std::nullopt,           r[7].as<std::string>()};
  if (!r[6].is_null()) key.revoked_at_us = r[6].as<int64_t>();
  return key;
}

}  // namespace

void enrol_edge_key(pqxx::transaction_base& tx, const EdgeKey& key, const std::string& actor) {
  const pqxx::result existing = tx.exec_params(
      "SELECT edge_id, revoked_at IS NOT NULL FROM edge_keys WHERE public_key = $1 FOR UPDATE", key.public_key);
  if (!existing.empty()) {
    const std::string owner = existing[0][0].as<std::string>();
    throw CommandError(existing[0][1].as<bool>()
                           ? "key " + key.public_key + " was revoked (edge " + owner +
                                 "); a revoked key is never enrolled again: make a new pair with anpr-keygen"
                           : "key " + key.public_key + " is enrolled already, for edge " + owner);
  }
  if (!key.site_id.empty() && tx.exec_params("SELECT 1 FROM sites WHERE site_id = $1", key.site_id).empty()) {
    throw CommandError("no site '" + key.site_id + "'");
  }
  tx.exec_params0(
      "INSERT INTO edge_keys (public_key, edge_id, site_id, added_by, comment)"
      " VALUES ($1, $2, NULLIF($3, ''), $4, NULLIF($5, ''))",
      key.public_key, key.edge_id, key.site_id, actor, key.comment);
}

std::vector<EdgeKey> revoke_edge_keys(pqxx::transaction_base& tx, const std::string& key_or_edge,
                                      const std::string& actor) {
  std::vector<EdgeKey> revoked;
  for (const pqxx::row& r : tx.exec_params("UPDATE edge_keys SET revoked_at = now(), revoked_by = $2"
                                           " WHERE revoked_at IS NULL AND (public_key = $1 OR edge_id = $1)"
                                           " RETURNING " +
                                               key_columns(),
                                           key_or_edge, actor)) {
    revoked.push_back(key_from_row(r));
  }
  return revoked;
}

std::vector<EdgeKey> list_edge_keys(pqxx::transaction_base& tx) {
  std::vector<EdgeKey> keys;
  for (const pqxx::row& r : tx.exec("SELECT " + key_columns() + " FROM edge_keys ORDER BY edge_id, added_at")) {
    keys.push_back(key_from_row(r));
  }
  return keys;
}

}  // namespace anpr::cli
