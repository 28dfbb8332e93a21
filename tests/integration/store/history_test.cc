// Plate-history search against a real PostgreSQL: exact, wildcard and
// OCR-tolerant matches, time and site filters, newest first, and the audit
// row every search leaves.
#include <gtest/gtest.h>

#include <algorithm>

#include <pqxx/pqxx>

#include "central/store/history.h"
#include "central/store/sighting_writer.h"
#include "central/store/store_error.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::store {
namespace {

using testing::kDayUs;
using testing::kHourUs;
using testing::make_sighting;
using testing::migrated_database;

const Requester kInvestigator{"inspector.berzins", "case VRS-2024-117"};

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = std::make_unique<pqxx::connection>(migrated_database("history"));
    now_ = testing::now_us();
    std::vector<anpr::v1::Sighting> batch = {
        make_sighting("AB1234", now_ - 3 * kDayUs, "lv-terehova"),
        make_sighting("AB1234", now_ - 1 * kDayUs, "lt-medininkai"),
        make_sighting("A81234", now_ - 2 * kDayUs, "lv-terehova"),  // B read as 8
        make_sighting("AB1299", now_ - 1 * kHourUs, "lv-terehova"),
        make_sighting("XY9999", now_ - 2 * kHourUs, "lv-grebneva"),
    };
    batch[1].set_plate_country("LT");
    SightingWriter(*conn_, evidence_.writer()).write_batch(batch);
    batch_ = batch;
  }

  std::vector<std::string> plates(const HistoryQuery& query) {
    std::vector<std::string> out;
    for (const HistoryRow& row : search_plate_history(*conn_, query, kInvestigator)) out.push_back(row.plate_text);
    return out;
  }

  std::unique_ptr<pqxx::connection> conn_;
  int64_t now_ = 0;
  testing::ScratchEvidence evidence_;
  std::vector<anpr::v1::Sighting> batch_;
};

TEST_F(HistoryTest, ExactPlateNewestFirstWithAllFields) {
  std::vector<HistoryRow> rows = search_plate_history(*conn_, {.plate = "ab-1234"}, kInvestigator);
  ASSERT_EQ(rows.size(), 2u);
  const HistoryRow& newest = rows[0];
  EXPECT_EQ(newest.event_id, batch_[1].event_id());
  EXPECT_EQ(newest.site_id, "lt-medininkai");
  EXPECT_EQ(newest.camera_id, "lt-medininkai-cam-1");
  EXPECT_EQ(newest.captured_at_us, now_ - kDayUs);
  EXPECT_EQ(newest.plate_text, "AB1234");
  EXPECT_EQ(newest.plate_display, "AB1234");
  EXPECT_EQ(newest.plate_country, "LT");
  EXPECT_EQ(newest.read_confidence, 0.875f);
  EXPECT_EQ(newest.country_confidence, 0.75f);
  EXPECT_EQ(rows[1].event_id, batch_[0].event_id());
}

TEST_F(HistoryTest, Wildcards) {
  EXPECT_EQ(plates({.plate = "AB12*"}), (std::vector<std::string>{"AB1299", "AB1234", "AB1234"}));
  EXPECT_EQ(plates({.plate = "AB12?4"}), (std::vector<std::string>{"AB1234", "AB1234"}));
  EXPECT_EQ(plates({.plate = "A?1234"}), (std::vector<std::string>{"AB1234", "A81234", "AB1234"}));
  EXPECT_EQ(plates({.plate = "*99"}), (std::vector<std::string>{"AB1299", "XY9999"}));
}

TEST_F(HistoryTest, OcrTolerantFindsLookAlikeReads) {
  EXPECT_EQ(plates({.plate = "AB1234"}), (std::vector<std::string>{"AB1234", "AB1234"}));
  EXPECT_EQ(plates({.plate = "AB1234", .ocr_tolerant = true}),
            (std::vector<std::string>{"AB1234", "A81234", "AB1234"}));
  EXPECT_EQ(plates({.plate = "A8I234", .ocr_tolerant = true}),
            (std::vector<std::string>{"AB1234", "A81234", "AB1234"}));
  EXPECT_TRUE(plates({.plate = "AB1235", .ocr_tolerant = true}).empty());
  EXPECT_EQ(plates({.plate = "A8*", .ocr_tolerant = true}),
            (std::vector<std::string>{"AB1299", "AB1234", "A81234", "AB1234"}));
}

TEST_F(HistoryTest, TimeRangeSiteAndLimit) {
  HistoryQuery window{.plate = "AB1234", .ocr_tolerant = true, .from_us = now_ - 2 * kDayUs - kHourUs,
                      .until_us = now_ - kDayUs};
  EXPECT_EQ(plates(window), std::vector<std::string>{"A81234"});
  window.until_us = now_ - kDayUs + 1;
  EXPECT_EQ(plates(window), (std::vector<std::string>{"AB1234", "A81234"}));

  EXPECT_EQ(plates({.plate = "AB1234", .site_id = std::string("lv-terehova")}), std::vector<std::string>{"AB1234"});
  EXPECT_TRUE(plates({.plate = "XY9999", .site_id = std::string("lv-terehova")}).empty());

  std::vector<HistoryRow> one = search_plate_history(*conn_, {.plate = "AB12*", .limit = 1}, kInvestigator);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].plate_text, "AB1299");
}

TEST_F(HistoryTest, EverySearchIsAudited) {
  search_plate_history(*conn_, {.plate = "ab 12*", .site_id = std::string("lv-terehova")}, kInvestigator);
  pqxx::nontransaction tx(*conn_);
  pqxx::result audit = tx.exec("SELECT actor, action, subject_plate, detail, reason, at <= now() FROM audit_log");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0][0].as<std::string>(), kInvestigator.actor);
  EXPECT_EQ(audit[0][1].as<std::string>(), "plate_history");
  EXPECT_EQ(audit[0][2].as<std::string>(), "AB12*");
  std::string detail = audit[0][3].as<std::string>();
  EXPECT_NE(detail.find("match=wildcard"), std::string::npos) << detail;
  EXPECT_NE(detail.find("site=lv-terehova"), std::string::npos) << detail;
  EXPECT_EQ(audit[0][4].as<std::string>(), kInvestigator.reason);
  EXPECT_TRUE(audit[0][5].as<bool>());
}

TEST_F(HistoryTest, SearchWithoutReasonIsRefusedAndLeavesNoTrace) {
  EXPECT_THROW(search_plate_history(*conn_, {.plate = "AB1234"}, {"inspector.berzins", ""}), StoreError);
  EXPECT_THROW(search_plate_history(*conn_, {.plate = "AB1234"}, {"", "case 1"}), StoreError);
  pqxx::nontransaction tx(*conn_);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log")[0].as<int>(), 0);
}

TEST_F(HistoryTest, AuditLogIsAppendOnly) {
  search_plate_history(*conn_, {.plate = "AB1234"}, kInvestigator);
  {
    pqxx::work tx(*conn_);
    EXPECT_THROW(tx.exec0("UPDATE audit_log SET reason = 'nothing to see'"), pqxx::sql_error);
  }
  {
    pqxx::work tx(*conn_);
    EXPECT_THROW(tx.exec0("DELETE FROM audit_log"), pqxx::sql_error);
  }
  pqxx::nontransaction tx(*conn_);
  EXPECT_EQ(tx.exec1("SELECT reason FROM audit_log")[0].as<std::string>(), kInvestigator.reason);
}

}  // namespace
}  // namespace anpr::store
