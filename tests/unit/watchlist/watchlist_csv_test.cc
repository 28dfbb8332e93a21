// Watchlist CSV: import normalises plates and validates every column with
// line-numbered errors; export reads back to the same entries.
#include <gtest/gtest.h>

#include <sstream>

#include "central/watchlist/watchlist_csv.h"

namespace {

using namespace anpr::watchlist;

std::vector<Entry> import(const std::string& text) {
  std::istringstream in(text);
  return read_csv(in, "list.csv");
}

std::string import_error(const std::string& text) {
  try {
    import(text);
  } catch (const CsvImportError& e) {
    return e.what();
  }
  return "";
}

TEST(WatchlistCsv, ImportsAndNormalises) {
  auto entries = import(
      "list,plate,country,fuzzy,reason,priority,agency,visibility,valid_from,valid_until,active_hours\n"
      "stolen-lv,ab-1234,LV,true,stolen,4,lv-vp,restricted,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,22:00-06:00\n"
      "wanted,А123ВС 77,,,wanted,,,,,,\n"
      "partial,KL*,,false,smuggling suspect,3,lt-vsat,shared,,,\n");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].pattern, "AB1234");
  EXPECT_TRUE(entries[0].fuzzy);
  EXPECT_FALSE(entries[1].fuzzy);
  EXPECT_EQ(entries[0].priority, 4);
  EXPECT_EQ(entries[0].visibility, Visibility::kRestricted);
  EXPECT_EQ(entries[0].valid_from_us, 1'767'225'600'000'000);
  ASSERT_TRUE(entries[0].active_hours);
  EXPECT_EQ(entries[0].active_hours->start_minute, 22 * 60);
  EXPECT_EQ(entries[1].pattern, "A123BC77");  // Cyrillic look-alikes
  EXPECT_EQ(entries[1].priority, 2);
  EXPECT_FALSE(entries[1].active_hours);
  EXPECT_EQ(entries[2].pattern, "KL*");
}

TEST(WatchlistCsv, MinimalColumnsInAnyOrder) {
  auto entries = import("plate,list\nABC123,lt\n");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].list, "lt");
  EXPECT_EQ(entries[0].pattern, "ABC123");
}

TEST(WatchlistCsv, ErrorsNameLineAndColumn) {
  EXPECT_EQ(import_error(""), "list.csv:1: empty file: expected a header row");
  EXPECT_EQ(import_error("list,plate,colour\n"), "list.csv:1: unknown column 'colour'");
  EXPECT_EQ(import_error("list\n"), "list.csv:1: missing column 'plate'");
  EXPECT_EQ(import_error("list,plate,priority\na,AB1,1\nb,AB2,9\n"),
            "list.csv:3: column 'priority': must be a whole number from 1 to 4, got '9'");
  EXPECT_EQ(import_error("list,plate\na,AB#1\n"), "list.csv:2: column 'plate': 'AB#1' has characters no plate has: #");
  EXPECT_EQ(import_error("list,plate,valid_from\na,AB1,yesterday\n"),
            "list.csv:2: column 'valid_from': expected a UTC time like 2026-11-25T08:00:00Z, got 'yesterday'");
  EXPECT_EQ(import_error("list,plate\na,AB1,extra\n"), "list.csv:2: has 3 fields, the header has 2");
  EXPECT_EQ(import_error("list,plate,fuzzy\na,AB1,yes\n"), "list.csv:2: column 'fuzzy': must be true or false, got 'yes'");
  EXPECT_EQ(import_error("list,plate,country\na,AB1,Latvia\n"),
            "list.csv:2: column 'country': must be an ISO 3166 alpha-2 code such as LV, got 'Latvia'");
  EXPECT_EQ(import_error("list,plate,active_hours\na,AB1,22-06\n"),
            "list.csv:2: column 'active_hours': expected HH:MM-HH:MM, got '22'");
}

TEST(WatchlistCsv, SqlLookingPlateIsRejectedNotPassedOn) {
  std::string err = import_error("list,plate\na,\"'); DROP TABLE sightings;--\"\n");
  EXPECT_NE(err.find("list.csv:2: column 'plate'"), std::string::npos) << err;
}

TEST(WatchlistCsv, ExportReadsBack) {
  Entry e;
  e.list = "stolen, LV";
  e.pattern = "AB*1";
  e.country = "LV";
  e.fuzzy = true;
  e.reason = "stolen \"BMW\"";
  e.priority = 3;
  e.agency = "lv-vp";
  e.visibility = Visibility::kRestricted;
  e.valid_from_us = parse_utc("2026-11-25T08:00:00Z");
  e.active_hours = ActiveHours{0, 24 * 60};
  std::ostringstream out;
  Entry plain;
  plain.list = "x";
  plain.pattern = "ABC123";
  write_csv(out, {e, plain});
  auto back = import(out.str());
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].list, e.list);
  EXPECT_EQ(back[0].pattern, e.pattern);
  EXPECT_TRUE(back[0].fuzzy);
  EXPECT_FALSE(back[1].fuzzy);
  EXPECT_EQ(back[0].reason, e.reason);
  EXPECT_EQ(back[0].visibility, Visibility::kRestricted);
  EXPECT_EQ(back[0].valid_from_us, e.valid_from_us);
  EXPECT_EQ(back[0].valid_until_us, e.valid_until_us);
  EXPECT_EQ(back[0].active_hours->end_minute, 24 * 60);
  EXPECT_EQ(back[1].pattern, "ABC123");
  EXPECT_EQ(format_utc(e.valid_from_us), "2026-11-25T08:00:00Z");
}

}  // namespace
