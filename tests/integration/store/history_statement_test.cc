// Plate-history SQL built without a database: normalisation, wildcards,
// the OCR-tolerant key, and that plate text only ever travels as a
// parameter.
#include <gtest/gtest.h>

#include "central/store/history_statement.h"
#include "central/store/store_error.h"

namespace anpr::store {
namespace {

TEST(LikePattern, WildcardsBecomeLikeAndLikeCharactersAreEscaped) {
  EXPECT_EQ(like_pattern("AB*1?"), "AB%1_");
  EXPECT_EQ(like_pattern("A%B_C\\"), "A\\%B\\_C\\\\");
  EXPECT_EQ(like_pattern("AB1234"), "AB1234");
}

TEST(HistoryStatement, ExactPlateIsNormalisedAndPassedAsParameter) {
  HistoryStatement st = history_statement({.plate = "ab-1234"});
  EXPECT_EQ(st.plate, "AB1234");
  EXPECT_NE(st.sql.find("plate_text = $1"), std::string::npos) << st.sql;
  EXPECT_EQ(st.sql.find("AB1234"), std::string::npos) << "plate text spliced into SQL: " << st.sql;
  ASSERT_EQ(st.params.size(), 2u);
  EXPECT_EQ(st.params[0], "AB1234");
  EXPECT_EQ(st.params[1], "100");
  EXPECT_NE(st.description.find("match=exact"), std::string::npos);
}

TEST(HistoryStatement, WildcardUsesLike) {
  HistoryStatement st = history_statement({.plate = "ab 12*"});
  EXPECT_EQ(st.plate, "AB12*");
  EXPECT_NE(st.sql.find("plate_text LIKE $1"), std::string::npos) << st.sql;
  EXPECT_EQ(st.params[0], "AB12%");
}

TEST(HistoryStatement, OcrTolerantComparesCanonicalKeys) {
  HistoryStatement exact = history_statement({.plate = "AB1234", .ocr_tolerant = true});
  EXPECT_NE(exact.sql.find("plate_key = $1"), std::string::npos) << exact.sql;
  EXPECT_EQ(exact.params[0], "A81234");
  HistoryStatement pattern = history_statement({.plate = "OB?2*", .ocr_tolerant = true});
  EXPECT_NE(pattern.sql.find("plate_key LIKE $1"), std::string::npos) << pattern.sql;
  EXPECT_EQ(pattern.params[0], "08_2%");
}

TEST(HistoryStatement, FiltersAddParametersInOrder) {
  HistoryStatement st = history_statement({.plate = "AB1234",
                                           .from_us = 1714571107123456,
                                           .until_us = 1714571107123457,
                                           .site_id = std::string("lv-terehova"),
                                           .limit = 5});
  EXPECT_NE(st.sql.find("captured_at >= $2::timestamptz AND captured_at < $3::timestamptz AND site_id = $4"),
            std::string::npos)
      << st.sql;
  EXPECT_NE(st.sql.find("LIMIT $5"), std::string::npos) << st.sql;
  EXPECT_EQ(st.params, (std::vector<std::string>{"AB1234", "2024-05-01 13:45:07.123456+00",
                                                 "2024-05-01 13:45:07.123457+00", "lv-terehova", "5"}));
}

TEST(HistoryStatement, RefusesWhatIsNoPlate) {
  EXPECT_THROW(history_statement({.plate = "'); DROP TABLE sightings;--"}), StoreError);
  EXPECT_THROW(history_statement({.plate = " - "}), StoreError);
  EXPECT_THROW(history_statement({.plate = "AB1234", .limit = 0}), StoreError);
  EXPECT_THROW(history_statement({.plate = "AB1234", .limit = kMaxHistoryRows + 1}), StoreError);
  EXPECT_THROW(history_statement({.plate = "AB1234", .from_us = 10, .until_us = 10}), StoreError);
}

}  // namespace
}  // namespace anpr::store
