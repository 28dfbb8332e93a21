// central/watchlist/watchlist_repository.h against a real PostgreSQL: entries
// load with their list's tolerance, and a follower sees every change made
// after its cursor exactly once, including a change that committed after a
// later one (the commit-order case a plain counter would miss).
#include <gtest/gtest.h>

#include <algorithm>

#include <pqxx/pqxx>

#include "central/watchlist/watchlist_repository.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::watchlist {
namespace {

Entry entry(const std::string& list, const std::string& pattern, bool fuzzy = false) {
  Entry e;
  e.list = list;
  e.pattern = pattern;
  e.fuzzy = fuzzy;
  e.reason = "stolen";
  e.priority = 3;
  return e;
}

Watchlist list(const std::string& id, const std::string& agency, plate::MatchTolerance tolerance = {}) {
  Watchlist l;
  l.id = id;
  l.agency = agency;
  l.tolerance = tolerance;
  return l;
}

std::vector<int64_t> ids(const std::vector<Entry>& entries) {
  std::vector<int64_t> out;
  for (const Entry& e : entries) out.push_back(e.id);
  return out;
}

class RepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conninfo_ = store::testing::migrated_database("watchlist_repo");
    conn_ = std::make_unique<pqxx::connection>(conninfo_);
    pqxx::work tx(*conn_);
    create_watchlist(tx, list("stolen-lv", "vp", {1, 1}), "alice");
    create_watchlist(tx, list("wanted-lt", "lt-vsat"), "alice");
    tx.commit();
  }

  int64_t add(const Entry& e) {
    pqxx::work tx(*conn_);
    const int64_t id = add_entry(tx, e, "alice");
    tx.commit();
    return id;
  }

  std::string conninfo_;
  std::unique_ptr<pqxx::connection> conn_;
};

TEST_F(RepositoryTest, EntriesLoadWithTheirListsToleranceAndAllFields) {
  Entry full = entry("stolen-lv", "AB1234", true);
  full.country = "LV";
  full.visibility = Visibility::kRestricted;
  full.valid_from_us = 1'700'000'000'123'456;
  full.valid_until_us = 1'800'000'000'000'000;
  full.active_hours = ActiveHours{22 * 60, 0};  // until midnight
  const int64_t fuzzy_id = add(full);
  const int64_t exact_id = add(entry("wanted-lt", "KA*12"));

  const std::vector<Entry> loaded = load_entries(*conn_);
  ASSERT_EQ(ids(loaded), (std::vector<int64_t>{fuzzy_id, exact_id}));
  const Entry& f = loaded[0];
  EXPECT_EQ(f.list, "stolen-lv");
  EXPECT_EQ(f.agency, "vp");  // the list's, as none was given
  EXPECT_EQ(f.country, "LV");
  EXPECT_EQ(f.visibility, Visibility::kRestricted);
  EXPECT_EQ(f.valid_from_us, 1'700'000'000'123'456);
  EXPECT_EQ(f.valid_until_us, 1'800'000'000'000'000);
  ASSERT_TRUE(f.active_hours);
  EXPECT_EQ(f.active_hours->start_minute, 22 * 60);
  EXPECT_EQ(f.active_hours->end_minute, 24 * 60);
  EXPECT_EQ(f.tolerance().max_equivalent_substitutions, 1u);
  EXPECT_EQ(f.tolerance().max_other_edits, 1u);
  const Entry& e = loaded[1];
  EXPECT_EQ(e.agency, "lt-vsat");
  EXPECT_EQ(e.valid_from_us, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(e.valid_until_us, std::numeric_limits<int64_t>::max());
  EXPECT_FALSE(e.active_hours);
  EXPECT_EQ(e.tolerance().max_other_edits, 0u);
}

TEST_F(RepositoryTest, PollSeesAnAddAndARemoveMadeAfterTheCursor) {
  const int64_t before = add(entry("stolen-lv", "AB1234"));
  const ChangeCursor cursor = change_cursor(*conn_);
  ASSERT_EQ(load_entries(*conn_).size(), 1u);

  const int64_t added = add(entry("stolen-lv", "CD5678"));
  {
    pqxx::work tx(*conn_);
    ASSERT_TRUE(remove_entry(tx, before));
    tx.commit();
  }
  WatchlistChanges changes = poll_changes(*conn_, cursor);
  EXPECT_EQ(ids(changes.upserted), std::vector<int64_t>{added});
  EXPECT_EQ(changes.upserted.at(0).pattern, "CD5678");
  EXPECT_EQ(changes.removed, std::vector<int64_t>{before});

  // Nothing new: nothing reported, and the cursor still works.
  WatchlistChanges quiet = poll_changes(*conn_, changes.next);
  EXPECT_TRUE(quiet.upserted.empty());
  EXPECT_TRUE(quiet.removed.empty());
  const int64_t later = add(entry("wanted-lt", "XY0001"));
  EXPECT_EQ(ids(poll_changes(*conn_, quiet.next).upserted), std::vector<int64_t>{later});
}

TEST_F(RepositoryTest, AChangeCommittedAfterALaterOneIsNotMissed) {
  ChangeCursor cursor = change_cursor(*conn_);
  // Writer A takes the lower change number but commits last.
  pqxx::connection writer_a(conninfo_);
  pqxx::work slow(writer_a);
  const int64_t slow_id = add_entry(slow, entry("stolen-lv", "SLOW01"), "alice");
  const int64_t fast_id = add(entry("stolen-lv", "FAST01"));

  WatchlistChanges first = poll_changes(*conn_, cursor);
  EXPECT_EQ(ids(first.upserted), std::vector<int64_t>{fast_id});

  slow.commit();
  WatchlistChanges second = poll_changes(*conn_, first.next);
  EXPECT_EQ(ids(second.upserted), std::vector<int64_t>{slow_id});
  EXPECT_TRUE(poll_changes(*conn_, second.next).upserted.empty());
}

TEST_F(RepositoryTest, ToleranceChangesAndDroppedListsReachTheFollower) {
  const int64_t fuzzy_id = add(entry("stolen-lv", "AB1234", true));
  const int64_t other_id = add(entry("wanted-lt", "CD5678"));
  ChangeCursor cursor = change_cursor(*conn_);
  pqxx::nontransaction(*conn_).exec0("UPDATE watchlists SET max_other_edits = 2 WHERE watchlist_id = 'stolen-lv'");
  WatchlistChanges changes = poll_changes(*conn_, cursor);
  ASSERT_EQ(ids(changes.upserted), std::vector<int64_t>{fuzzy_id});
  EXPECT_EQ(changes.upserted[0].tolerance().max_other_edits, 2u);

  pqxx::nontransaction(*conn_).exec0("DELETE FROM watchlists WHERE watchlist_id = 'wanted-lt'");
  EXPECT_EQ(poll_changes(*conn_, changes.next).removed, std::vector<int64_t>{other_id});
}

TEST_F(RepositoryTest, EditsAreRefusedWithTheThingThatIsWrong) {
  pqxx::work tx(*conn_);
  EXPECT_THROW(create_watchlist(tx, list("stolen-lv", "vp"), "alice"), RepositoryError);
  EXPECT_THROW(add_entry(tx, entry("no-such-list", "AB1234"), "alice"), RepositoryError);
  EXPECT_THROW(list_entries(tx, "no-such-list"), RepositoryError);
  EXPECT_FALSE(remove_entry(tx, 999));
  try {
    import_entries(tx, "stolen-lv", {entry("stolen-lv", "AB1234"), entry("wanted-lt", "CD5678")}, false, "alice");
    FAIL() << "an entry for another list was imported";
  } catch (const RepositoryError& e) {
    EXPECT_STREQ(e.what(), "entry 2 (plate CD5678) is for list 'wanted-lt', not 'stolen-lv'");
  }
  EXPECT_TRUE(list_entries(tx, "stolen-lv").empty());
  EXPECT_THROW(poll_changes(*conn_, ChangeCursor{}), RepositoryError);
}

TEST_F(RepositoryTest, ListsReportTheirEntryCounts) {
  add(entry("stolen-lv", "AB1234"));
  add(entry("stolen-lv", "CD5678"));
  pqxx::read_transaction tx(*conn_);
  const std::vector<Watchlist> lists = list_watchlists(tx);
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].id, "stolen-lv");
  EXPECT_EQ(lists[0].entry_count, 2);
  EXPECT_EQ(lists[0].created_by, "alice");
  EXPECT_EQ(lists[1].entry_count, 0);
  ASSERT_TRUE(find_watchlist(tx, "wanted-lt"));
  EXPECT_EQ(find_watchlist(tx, "wanted-lt")->agency, "lt-vsat");
  EXPECT_FALSE(find_watchlist(tx, "nope"));
}

}  // namespace
}  // namespace anpr::watchlist
