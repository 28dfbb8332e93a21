// Migration planning without a database: what runs, and every history that
// must stop the server from starting.
#include <gtest/gtest.h>

#include <vector>

#include "central/store/migration_plan.h"
#include "central/store/store_error.h"

namespace anpr::store {
namespace {

const std::vector<Migration> kKnown = {
    {1, "init", "c1", "CREATE TABLE a (x int)"},
    {2, "more", "c2", "CREATE TABLE b (x int)"},
    {3, "most", "c3", "CREATE TABLE c (x int)"},
};

std::vector<int> versions(const std::vector<Migration>& ms) {
  std::vector<int> out;
  for (const auto& m : ms) out.push_back(m.version);
  return out;
}

TEST(MigrationPlan, EmptyDatabaseGetsEverythingInOrder) {
  EXPECT_EQ(versions(pending_migrations({}, kKnown)), (std::vector<int>{1, 2, 3}));
}

TEST(MigrationPlan, OnlyWhatIsMissing) {
  std::vector<AppliedMigration> applied = {{1, "init", "c1"}, {2, "more", "c2"}};
  EXPECT_EQ(versions(pending_migrations(applied, kKnown)), (std::vector<int>{3}));
  applied.push_back({3, "most", "c3"});
  EXPECT_TRUE(pending_migrations(applied, kKnown).empty());
}

TEST(MigrationPlan, ChangedChecksumIsRefusedNamingTheMigration) {
  std::vector<AppliedMigration> applied = {{1, "init", "c1"}, {2, "more", "edited"}};
  try {
    pending_migrations(applied, kKnown);
    FAIL() << "a changed migration was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("0002_more"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("edited"), std::string::npos) << e.what();
  }
}

TEST(MigrationPlan, UnknownAppliedVersionIsRefused) {
  std::vector<AppliedMigration> applied = {{1, "init", "c1"}, {4, "future", "c4"}};
  EXPECT_THROW(pending_migrations(applied, kKnown), StoreError);
}

TEST(MigrationPlan, HoleBelowAppliedVersionIsRefused) {
  std::vector<AppliedMigration> applied = {{1, "init", "c1"}, {3, "most", "c3"}};
  EXPECT_THROW(pending_migrations(applied, kKnown), StoreError);
}

TEST(MigrationPlan, EmbeddedMigrationsAreNumberedFromOne) {
  std::span<const Migration> embedded = embedded_migrations();
  ASSERT_FALSE(embedded.empty());
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    EXPECT_EQ(embedded[i].version, static_cast<int>(i + 1));
    EXPECT_EQ(embedded[i].checksum.size(), 64u);
    EXPECT_FALSE(embedded[i].sql.empty());
  }
}

}  // namespace
}  // namespace anpr::store
