// A schema migration as compiled into the binary: the SQL of
// central/store/migrations/NNNN_name.sql with its version, name and SHA-256.
// embedded_migrations() is generated at build time (embed_migrations.cmake),
// so the daemon carries its schema and needs no files at run time.
#pragma once

#include <span>
#include <string_view>

namespace anpr::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view checksum;  // SHA-256 of the .sql file, lower-case hex
  std::string_view sql;
};

// Every migration of this build, in version order 1, 2, 3...
std::span<const Migration> embedded_migrations();

}  // namespace anpr::store
