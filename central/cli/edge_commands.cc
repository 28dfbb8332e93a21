// The edge subcommands; see edge_commands.h.
#include "central/cli/edge_commands.h"

#include <pqxx/transaction>

#include "central/cli/cli_errors.h"
#include "central/cli/edge_keys.h"
#include "central/cli/option_values.h"
#include "central/cli/table.h"
#include "common/transport/key_files.h"

namespace anpr::cli {

namespace {

int enrol(const Arguments& args, Session& s) {
  EdgeKey key;
  key.edge_id = args.positional()[0];
  check_identifier(key.edge_id, "edge id");
  const std::string key_file = args.required("key", "the edge's public key file, NAME.key from anpr-keygen");
  key.site_id = args.value("site").value_or("");
  if (!key.site_id.empty()) check_identifier(key.site_id, "--site");
  key.comment = args.value("comment").value_or("");
  key.public_key = transport::load_public_key(key_file);

  pqxx::work tx(s.db(), "edge_enrol");
  enrol_edge_key(tx, key, s.user());
  tx.commit();
  s.out << "enrolled key " << key.public_key << " for edge " << key.edge_id << "\n";
  return 0;
}

int revoke(const Arguments& args, Session& s) {
  const std::string& target = args.positional()[0];
  pqxx::work tx(s.db(), "edge_revoke");
  const std::vector<EdgeKey> revoked = revoke_edge_keys(tx, target, s.user());
  if (revoked.empty()) throw CommandError("no active key and no edge with active keys matches '" + target + "'");
  tx.commit();
  for (const EdgeKey& k : revoked) s.out << "revoked key " << k.public_key << " of edge " << k.edge_id << "\n";
  return 0;
}

int list(const Arguments& args, Session& s) {
  pqxx::read_transaction tx(s.db(), "edge_list");
  const std::vector<EdgeKey> keys = list_edge_keys(tx);
  tx.commit();
  Table table{{"edge", "site", "key", "state", "added", "added_by", "revoked", "revoked_by", "comment"}, {}};
  for (const EdgeKey& k : keys) {
    table.rows.push_back({k.edge_id, k.site_id, k.public_key, k.revoked_at_us ? "revoked" : "active",
                          time_text(k.added_at_us), k.added_by, k.revoked_at_us ? time_text(*k.revoked_at_us) : "",
                          k.revoked_by, k.comment});
  }
  write_table(s.out, table, args.flag("csv"));
  return 0;
}

}  // namespace

std::vector<Command> edge_commands() {
  return {
      {{"edge", "enrol"}, "edge enrol EDGE_ID --key FILE.key [--site S] [--comment C]",
       "admit an edge box's public key to the central", {{"key"}, {"site"}, {"comment"}}, 1, 1, enrol},
      {{"edge", "revoke"}, "edge revoke KEY|EDGE_ID", "revoke one key, or every active key of an edge", {}, 1, 1,
       revoke},
      {{"edge", "list"}, "edge list [--csv]", "every enrolled key, revoked ones included", {{"csv", false}}, 0, 0,
       list},
  };
}

}  // namespace anpr::cli
