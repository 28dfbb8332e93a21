// Watchlist matching: exact, wildcard and fuzzy hits and non-hits, validity
// and active hours, country, replacement and removal, and agreement of the
// index with a brute-force scan on random data.
#include <gtest/gtest.h>

#include <random>

#include "central/watchlist/watchlist_index.h"
#include "common/plate/plate_error.h"

namespace {

using namespace anpr::watchlist;

Entry entry(int64_t id, std::string pattern, unsigned equivalents = 0, unsigned edits = 0) {
  Entry e;
  e.id = id;
  e.list = "test";
  e.pattern = std::move(pattern);
  e.fuzzy = equivalents > 0 || edits > 0;
  e.list_tolerance = {equivalents, edits};
  return e;
}

const MatchTime kNoon{1'764'072'000'000'000, 12 * 60};

std::vector<int64_t> ids(const std::vector<Hit>& hits) {
  std::vector<int64_t> out;
  for (const auto& h : hits) out.push_back(h.entry->id);
  return out;
}

TEST(WatchlistIndex, ExactEntryHitsOnlyItsPlate) {
  Index index;
  index.upsert(entry(1, "AB1234"));
  EXPECT_EQ(ids(index.match("AB1234", "LV", kNoon)), (std::vector<int64_t>{1}));
  EXPECT_TRUE(index.match("AB1235", "LV", kNoon).empty());
  EXPECT_TRUE(index.match("A81234", "LV", kNoon).empty());
  EXPECT_TRUE(index.match("AB12345", "LV", kNoon).empty());
}

TEST(WatchlistIndex, FuzzyEntryToleratesOcrEquivalentsWithinItsLimit) {
  Index index;
  index.upsert(entry(1, "ABC123", 1, 0));
  auto hits = index.match("A8C123", "", kNoon);
  ASSERT_EQ(ids(hits), (std::vector<int64_t>{1}));
  EXPECT_EQ(hits[0].match.equivalent_substitutions, 1u);
  EXPECT_TRUE(index.match("A8CIZ3", "", kNoon).empty());
  EXPECT_TRUE(index.match("AXC123", "", kNoon).empty());
}

TEST(WatchlistIndex, FuzzyEntryToleratesOtherEdits) {
  Index index;
  index.upsert(entry(1, "ABC123", 0, 1));
  index.upsert(entry(2, "KLM987", 1, 2));
  EXPECT_EQ(ids(index.match("ABC12", "", kNoon)), (std::vector<int64_t>{1}));     // deletion
  EXPECT_EQ(ids(index.match("ABC1234", "", kNoon)), (std::vector<int64_t>{1}));   // insertion
  EXPECT_EQ(ids(index.match("ABX123", "", kNoon)), (std::vector<int64_t>{1}));    // replacement
  EXPECT_TRUE(index.match("AXX123", "", kNoon).empty());                           // two edits
  EXPECT_EQ(ids(index.match("KLN98", "", kNoon)), (std::vector<int64_t>{2}));
  EXPECT_EQ(ids(index.match("XKLM98B", "", kNoon)), (std::vector<int64_t>{2}));  // insert, delete... and 8/B
}

TEST(WatchlistIndex, WildcardEntries) {
  Index index;
  index.upsert(entry(1, "AB*"));
  index.upsert(entry(2, "?BC12?"));
  index.upsert(entry(3, "*7"));  // one literal: scanned
  EXPECT_EQ(ids(index.match("AB1234", "", kNoon)), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids(index.match("XBC129", "", kNoon)), (std::vector<int64_t>{2}));
  EXPECT_EQ(ids(index.match("ABC127", "", kNoon)), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_TRUE(index.match("BA1234", "", kNoon).empty());
  EXPECT_TRUE(index.match("XBC1290", "", kNoon).empty());
}

TEST(WatchlistIndex, ValidityWindowAndActiveHours) {
  Index index;
  Entry expired = entry(1, "AB1234");
  expired.valid_until_us = kNoon.at_us - 1;
  Entry future = entry(2, "AB1234");
  future.valid_from_us = kNoon.at_us + 1;
  Entry nights = entry(3, "AB1234");
  nights.active_hours = ActiveHours{22 * 60, 6 * 60};
  Entry days = entry(4, "AB1234");
  days.active_hours = ActiveHours{8 * 60, 18 * 60};
  for (auto* e : {&expired, &future, &nights, &days}) index.upsert(*e);
  EXPECT_EQ(ids(index.match("AB1234", "", kNoon)), (std::vector<int64_t>{4}));
  EXPECT_EQ(ids(index.match("AB1234", "", MatchTime{kNoon.at_us, 23 * 60})), (std::vector<int64_t>{3}));
  EXPECT_EQ(ids(index.match("AB1234", "", MatchTime{kNoon.at_us, 5 * 60 + 59})), (std::vector<int64_t>{3}));
  EXPECT_EQ(ids(index.match("AB1234", "", MatchTime{kNoon.at_us, 6 * 60})), (std::vector<int64_t>{}));
}

TEST(WatchlistIndex, CountryMustAgreeWhenBothAreKnown) {
  Index index;
  Entry lv = entry(1, "ABC123");
  lv.country = "LT";
  index.upsert(lv);
  EXPECT_EQ(ids(index.match("ABC123", "LT", kNoon)), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids(index.match("ABC123", "", kNoon)), (std::vector<int64_t>{1}));
  EXPECT_TRUE(index.match("ABC123", "PL", kNoon).empty());
}

TEST(WatchlistIndex, HitsOrderedByPriorityThenDistance) {
  Index index;
  Entry low = entry(1, "AB1234");
  low.priority = 1;
  Entry high_fuzzy = entry(2, "A81234", 1, 0);
  high_fuzzy.priority = 4;
  Entry high_exact = entry(3, "AB1234");
  high_exact.priority = 4;
  for (auto* e : {&low, &high_fuzzy, &high_exact}) index.upsert(*e);
  EXPECT_EQ(ids(index.match("AB1234", "", kNoon)), (std::vector<int64_t>{3, 2, 1}));
}

TEST(WatchlistIndex, UpsertReplacesAndRemoveForgets) {
  Index index;
  index.upsert(entry(1, "AB1234", 0, 1));
  index.upsert(entry(1, "CD5678"));
  EXPECT_EQ(index.size(), 1u);
  EXPECT_TRUE(index.match("AB1234", "", kNoon).empty());
  EXPECT_TRUE(index.match("AB123", "", kNoon).empty());
  EXPECT_EQ(ids(index.match("CD5678", "", kNoon)), (std::vector<int64_t>{1}));
  EXPECT_TRUE(index.remove(1));
  EXPECT_FALSE(index.remove(1));
  EXPECT_TRUE(index.match("CD5678", "", kNoon).empty());
  EXPECT_EQ(index.size(), 0u);
}

TEST(WatchlistIndex, RejectsPatternsThatAreNotNormalised) {
  Index index;
  EXPECT_THROW(index.upsert(entry(1, "AB-1234")), anpr::plate::PlateError);
  EXPECT_THROW(index.upsert(entry(2, "ab1234")), anpr::plate::PlateError);
  EXPECT_THROW(index.upsert(entry(3, "")), anpr::plate::PlateError);
  EXPECT_EQ(index.size(), 0u);
}

// The indexes may only prune: on random plates and entries the index finds
// exactly what checking every entry finds.
TEST(WatchlistIndex, AgreesWithBruteForce) {
  std::mt19937 rng(7);
  const std::string alphabet = "AB8O0DSIZ12C";
  auto random_text = [&](int min_len, int max_len) {
    std::string s(std::uniform_int_distribution<int>(min_len, max_len)(rng), 'A');
    for (auto& c : s) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    return s;
  };
  Index index;
  std::vector<Entry> all;
  for (int id = 1; id <= 400; ++id) {
    Entry e = entry(id, random_text(3, 6), id % 3, id % 4 == 0 ? 2 : id % 2);
    if (id % 10 == 0) e.pattern.insert(e.pattern.begin() + 1, '*');
    if (id % 15 == 0) e.pattern.back() = '?';
    index.upsert(e);
    all.push_back(e);
  }
  for (int i = 0; i < 2000; ++i) {
    std::string read = random_text(2, 7);
    std::vector<int64_t> expected;
    for (const auto& e : all) {
      if (anpr::plate::match(e.pattern, read, e.tolerance()).matched) expected.push_back(e.id);
    }
    auto got = ids(index.match(read, "", kNoon));
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, expected) << "read " << read;
  }
}

}  // namespace
