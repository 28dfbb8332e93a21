// Edge allow-list from configuration and database; see edge_keys.h.
#include "central/server/edge_keys.h"

#include <pqxx/result>
#include <pqxx/transaction>

namespace anpr::central {

std::vector<ListedKey> enrolled_edge_keys(pqxx::connection_base& conn) {
  pqxx::read_transaction tx(conn, "edge_keys");
  std::vector<ListedKey> out;
  for (const pqxx::row& row : tx.exec("SELECT public_key, edge_id FROM edge_keys WHERE revoked_at IS NULL")) {
    out.push_back({row[0].as<std::string>(), row[1].as<std::string>()});
  }
  tx.commit();
  return out;
}

transport::AllowList merge_allow_list(const std::vector<ListedKey>& configured,
                                      const std::vector<ListedKey>& enrolled) {
  transport::AllowList out;
  for (const ListedKey& k : configured) out.emplace(k.public_key, k.name);
  for (const ListedKey& k : enrolled) out.emplace(k.public_key, k.name);
  return out;
}

}  // namespace anpr::central
