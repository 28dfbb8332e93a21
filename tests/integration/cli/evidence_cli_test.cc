// anpr-cli evidence against a real PostgreSQL and real evidence segments: no
// lookup without a reason, every lookup audited, the images written byte for
// byte, and a missing or foreign segment an error rather than a picture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "central/store/sighting_writer.h"
#include "common/uuid/uuid.h"
#include "tests/integration/cli/cli_fixture.h"
#include "tests/integration/store/store_fixture.h"

namespace anpr::cli::testing {
namespace {

using store::testing::kHourUs;
using store::testing::make_sighting;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class EvidenceCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    sighting_ = make_sighting("AB1234", store::testing::now_us() - kHourUs);
    sighting_.set_overview_jpeg(store::testing::fake_jpeg(30 * 1024));
    bare_ = make_sighting("CD5678", store::testing::now_us() - kHourUs);
    bare_.clear_plate_jpeg();
    store::SightingWriter(*conn_, evidence_.writer()).write_batch({sighting_, bare_});
    std::filesystem::create_directory(scratch("case"));
  }

  CliResult lookup(const std::string& event_id, const std::string& evidence_dir) {
    return cli({"evidence", event_id, "--reason", "case VP-2026-88", "--out", scratch("case"), "--evidence-dir",
                evidence_dir});
  }

  store::testing::ScratchEvidence evidence_;
  v1::Sighting sighting_;
  v1::Sighting bare_;
};

TEST_F(EvidenceCli, WritesTheImagesAndAuditsTheLookup) {
  const std::string id = uuid::to_text(sighting_.event_id());
  CliResult r = lookup(id, evidence_.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(scratch("case/" + id + "-plate.jpg")), sighting_.plate_jpeg());
  EXPECT_EQ(read_file(scratch("case/" + id + "-overview.jpg")), sighting_.overview_jpeg());
  EXPECT_NE(r.out.find(id + "-plate.jpg (3072 bytes)"), std::string::npos) << r.out;
  EXPECT_EQ(scalar("SELECT actor || '|' || action || '|' || subject_plate || '|' || reason FROM audit_log"),
            "alice|evidence|AB1234|case VP-2026-88");
}

TEST_F(EvidenceCli, WithoutAReasonNothingIsLookedUpOrLogged) {
  CliResult r = cli({"evidence", uuid::to_text(sighting_.event_id()), "--evidence-dir", evidence_.dir().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--reason is required"), std::string::npos) << r.err;
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 0);
  EXPECT_EQ(cli({"evidence", "not-a-uuid", "--reason", "r"}).exit_code, 2);
}

TEST_F(EvidenceCli, UnknownSightingsAndLostSegmentsAreErrorsStillAudited) {
  CliResult none = lookup(uuid::to_text(bare_.event_id()), evidence_.dir().string());  // stored without images
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no images stored"), std::string::npos) << none.err;

  // Evidence restored to the wrong place: the segment is not where the row says.
  CliResult lost = lookup(uuid::to_text(sighting_.event_id()), scratch("elsewhere"));
  EXPECT_EQ(lost.exit_code, 1);
  EXPECT_NE(lost.err.find("segment missing"), std::string::npos) << lost.err;
  EXPECT_FALSE(std::filesystem::exists(scratch("case/" + uuid::to_text(sighting_.event_id()) + "-plate.jpg")));
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'evidence'"), 2);
}

}  // namespace
}  // namespace anpr::cli::testing
