// Migration planning; see migration_plan.h.
#include "central/store/migration_plan.h"

#include <map>

#include "central/store/store_error.h"

namespace anpr::store {

namespace {

std::string label(int version, std::string_view name) {
  std::string digits = std::to_string(version);
  return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits + "_" + std::string(name);
}

}  // namespace

std::vector<Migration> pending_migrations(std::span<const AppliedMigration> applied,
                                          std::span<const Migration> known) {
  std::map<int, const Migration*> by_version;
  for (const Migration& m : known) by_version[m.version] = &m;

  const AppliedMigration* latest = nullptr;
  std::map<int, const AppliedMigration*> done;
  for (const AppliedMigration& a : applied) {
    auto it = by_version.find(a.version);
    if (it == by_version.end()) {
      throw StoreError("database has migration " + label(a.version, a.name) +
                       " that this binary does not know: it was migrated by a newer anpr-central");
    }
    if (it->second->checksum != a.checksum) {
      throw StoreError("migration " + label(a.version, a.name) + " was changed after it was applied: checksum " +
                       a.checksum + " in the database, " + std::string(it->second->checksum) +
                       " in this binary; add a new migration instead of editing an applied one");
    }
    done[a.version] = &a;
    if (!latest || a.version > latest->version) latest = &a;
  }

  std::vector<Migration> pending;
  for (const auto& [version, m] : by_version) {
    if (done.contains(version)) continue;
    if (latest && version < latest->version) {
      throw StoreError("migration " + label(version, m->name) + " is not applied but the later migration " +
                       label(latest->version, latest->name) + " is; the database's history is not this binary's");
    }
    pending.push_back(*m);
  }
  return pending;
}

}  // namespace anpr::store
