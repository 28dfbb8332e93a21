// CRC-32C against the test vectors of RFC 3720 (iSCSI), appendix B.4.
#include "edge/spool/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace anpr::spool::crc32c {
namespace {

TEST(Crc32c, MatchesRfc3720Vectors) {
  EXPECT_EQ(value("123456789"), 0xe3069283u);
  EXPECT_EQ(value(std::string(32, '\0')), 0x8a9136aau);
  EXPECT_EQ(value(std::string(32, '\xff')), 0x62a8ab43u);
  std::string ascending;
  std::string descending;
  for (int i = 0; i < 32; ++i) {
    ascending.push_back(static_cast<char>(i));
    descending.push_back(static_cast<char>(31 - i));
  }
  EXPECT_EQ(value(ascending), 0x46dd794eu);
  EXPECT_EQ(value(descending), 0x113fdb5cu);
}

TEST(Crc32c, ExtendEqualsCrcOfConcatenation) {
  EXPECT_EQ(extend(value("hello "), "world"), value("hello world"));
  EXPECT_NE(value("a"), value("b"));
}

TEST(Crc32c, MaskChangesValueAndUnmaskRestoresIt) {
  for (std::uint32_t crc : {0u, 1u, 0xe3069283u, 0xffffffffu}) {
    EXPECT_NE(mask(crc), crc);
    EXPECT_NE(mask(mask(crc)), mask(crc));
    EXPECT_EQ(unmask(mask(crc)), crc);
  }
}

}  // namespace
}  // namespace anpr::spool::crc32c
