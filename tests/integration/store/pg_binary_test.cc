// The binary bytea[] the writer sends its images in: array_recv refuses a
// wrong header outright, but a wrong length or a missed NULL would store
// shifted or truncated images, so the exact bytes are pinned here (and the
// writer test reads the images back through PostgreSQL).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "central/store/pg_binary.h"

namespace anpr::store {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

TEST(PgBinary, ByteaArrayHeaderLengthsAndBytes) {
  const std::string jpeg = bytes({0xff, 0xd8, 0x00, 0xd9});
  std::vector<std::string_view> values = {jpeg, std::string_view("A")};
  EXPECT_EQ(bytea_array_binary(values), bytes({0, 0, 0, 1,  0, 0, 0, 0,  0, 0, 0, 17,  0, 0, 0, 2,  0, 0, 0, 1,
                                               0, 0, 0, 4,  0xff, 0xd8, 0x00, 0xd9,
                                               0, 0, 0, 1,  'A'}));
}

TEST(PgBinary, EmptyValuesAreNullsAndFlagged) {
  std::vector<std::string_view> values = {"", "xy"};
  EXPECT_EQ(bytea_array_binary(values), bytes({0, 0, 0, 1,  0, 0, 0, 1,  0, 0, 0, 17,  0, 0, 0, 2,  0, 0, 0, 1,
                                               0xff, 0xff, 0xff, 0xff,
                                               0, 0, 0, 2,  'x', 'y'}));
}

TEST(PgBinary, LengthsAboveOneByteAreBigEndian) {
  const std::string big(0x010203, 'j');
  std::vector<std::string_view> values = {big};
  const std::string out = bytea_array_binary(values);
  ASSERT_EQ(out.size(), 20u + 4u + big.size());
  EXPECT_EQ(out.substr(20, 4), bytes({0x00, 0x01, 0x02, 0x03}));
}

}  // namespace
}  // namespace anpr::store
