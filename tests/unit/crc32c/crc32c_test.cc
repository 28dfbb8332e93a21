// CRC-32C against the test vectors of RFC 3720 (iSCSI), appendix B.4.
#include "common/crc32c/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace anpr::crc32c {
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

// Long enough for the hardware path's 8-byte steps and an odd tail, split at
// every offset so that no alignment or remainder is left untested.
TEST(Crc32c, ExtendEqualsCrcOfConcatenationAtEverySplit) {
  std::string text;
  for (int i = 0; i < 77; ++i) text.push_back(static_cast<char>(i * 37 + 11));
  const std::uint32_t whole = value(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    EXPECT_EQ(extend(value(text.substr(0, cut)), text.substr(cut)), whole) << "split at " << cut;
  }
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
}  // namespace anpr::crc32c
