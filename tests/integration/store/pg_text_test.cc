// PostgreSQL text spellings and day arithmetic: the exact strings COPY and
// query parameters carry, where an off-by-one would shift rows in time.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "central/store/partitions.h"
#include "central/store/pg_text.h"
#include "central/store/store_error.h"

namespace anpr::store {
namespace {

TEST(PgText, TimestampIsUtcWithMicroseconds) {
  EXPECT_EQ(timestamptz_text(0), "1970-01-01 00:00:00.000000+00");
  EXPECT_EQ(timestamptz_text(1714571107123456), "2024-05-01 13:45:07.123456+00");
  EXPECT_EQ(timestamptz_text(-1), "1969-12-31 23:59:59.999999+00");
  EXPECT_EQ(timestamptz_text(951782400000000), "2000-02-29 00:00:00.000000+00");
}

TEST(PgText, UuidRoundTrip) {
  std::string bytes = {'\x01', '\x90', '\xc6', '\xa0', '\x12', '\x34', '\x7a', '\xbc',
                       '\x8d', '\xef', '\x00', '\x11', '\x22', '\x33', '\x44', '\xff'};
  EXPECT_EQ(uuid_text(bytes), "0190c6a0-1234-7abc-8def-0011223344ff");
  EXPECT_EQ(uuid_bytes(uuid_text(bytes)), bytes);
  EXPECT_EQ(uuid_bytes("0190C6A0-1234-7ABC-8DEF-0011223344FF"), bytes);
}

TEST(PgText, UuidRefusesWrongShapes) {
  EXPECT_THROW(uuid_text("short"), StoreError);
  EXPECT_THROW(uuid_bytes("0190c6a012347abc8def0011223344ff"), StoreError);
  EXPECT_THROW(uuid_bytes("0190c6a0-1234-7abc-8def-0011223344fg"), StoreError);
  EXPECT_THROW(uuid_bytes("0190c6a0-1234-7abc-8def_0011223344ff"), StoreError);
}

TEST(PgText, ByteaIsHex) {
  EXPECT_EQ(bytea_text(std::string("\xff\xd8\x00\x7f", 4)), "\\xffd8007f");
  EXPECT_EQ(bytea_text(""), "\\x");
}

TEST(PgText, TextArrayQuotesEveryElement) {
  std::vector<std::string> values = {"AB1234", "NULL", "a\"b", "c\\d", "{,}", ""};
  EXPECT_EQ(text_array(values), R"({"AB1234","NULL","a\"b","c\\d","{,}",""})");
  EXPECT_EQ(text_array({}), "{}");
}

TEST(PgText, RealsReadBackExactly) {
  std::vector<float> values = {0.1f, 1.0f, std::numeric_limits<float>::quiet_NaN(),
                               -std::numeric_limits<float>::infinity()};
  EXPECT_EQ(real_array(values), "{0.100000001,1,NaN,-Infinity}");
  EXPECT_EQ(std::stof(real_text(0.875f)), 0.875f);
  EXPECT_EQ(std::stof(real_text(1.0f / 3)), 1.0f / 3);
}

TEST(PgText, BigintArray) {
  std::vector<int64_t> values = {800, 0, 4294967295};
  EXPECT_EQ(bigint_array(values), "{800,0,4294967295}");
}

TEST(Partitions, CaptureDayIsTheUtcDate) {
  EXPECT_EQ(capture_day(0), 0);
  EXPECT_EQ(capture_day(86'400'000'000LL - 1), 0);
  EXPECT_EQ(capture_day(86'400'000'000LL), 1);
  EXPECT_EQ(capture_day(-1), -1);
  std::vector<int64_t> days = {capture_day(1714571107123456), -1};
  EXPECT_EQ(date_array(days), R"({"2024-05-01","1969-12-31"})");
}

}  // namespace
}  // namespace anpr::store
