// UUIDv7 ids: layout, ordering by time, uniqueness and the text form.
#include <gtest/gtest.h>

#include <set>

#include "common/uuid/uuid.h"

namespace {

TEST(Uuid, V7LayoutCarriesTimeVersionAndVariant) {
  std::string id = anpr::uuid::v7(0x0190f1c27a3b);
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(anpr::uuid::to_text(id).substr(0, 13), "0190f1c2-7a3b");
  EXPECT_EQ(static_cast<unsigned char>(id[6]) >> 4, 7);
  EXPECT_EQ(static_cast<unsigned char>(id[8]) >> 6, 2);
}

TEST(Uuid, LaterIdsSortAfterEarlierOnes) {
  EXPECT_LT(anpr::uuid::v7(1'764'000'000'000), anpr::uuid::v7(1'764'000'000'001));
}

TEST(Uuid, IdsAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100000; ++i) ASSERT_TRUE(seen.insert(anpr::uuid::v7(1'764'000'000'000)).second);
}

TEST(Uuid, TextRoundTrip) {
  std::string id = anpr::uuid::v7();
  std::string text = anpr::uuid::to_text(id);
  EXPECT_EQ(text.size(), 36u);
  EXPECT_EQ(anpr::uuid::from_text(text), id);
  EXPECT_FALSE(anpr::uuid::from_text("not-a-uuid"));
  EXPECT_FALSE(anpr::uuid::from_text("0190f1c2x7a3b-7c4d-8e5f-0123456789ab"));
  EXPECT_FALSE(anpr::uuid::from_text("0190f1c2-7a3b-7c4d-8e5f-0123456789ag"));
}

TEST(Uuid, MalformedBytesStillPrintable) {
  EXPECT_EQ(anpr::uuid::to_text(std::string("\x01\xff", 2)), "<2 bytes: 01ff>");
}

}  // namespace
