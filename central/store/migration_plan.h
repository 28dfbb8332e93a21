// Deciding what to migrate, apart from doing it: given the migrations a
// database records as applied and those this binary carries, which must run
// now, or why the binary must refuse to start. Refusing is the safe answer
// whenever the two histories disagree, because a server running against a
// schema it does not know can store rows wrong without any error.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "central/store/migration.h"

namespace anpr::store {

// One row of schema_migrations.
struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
};

// The migrations to apply, in order. Throws StoreError when an applied
// migration's checksum differs from the binary's (the file was edited after
// it ran), when the database holds a version this binary does not have (a
// newer server migrated it), or when a version the binary has is missing
// below one that was applied.
std::vector<Migration> pending_migrations(std::span<const AppliedMigration> applied,
                                          std::span<const Migration> known);

}  // namespace anpr::store
