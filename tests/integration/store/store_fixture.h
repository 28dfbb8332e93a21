// What the store's tests share: a freshly migrated database on the
// throwaway PostgreSQL server, evidence segments in a throwaway directory,
// and sightings shaped like an edge's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anpr/v1/sighting.pb.h"
#include "central/evidence/evidence_writer.h"
#include "tests/support/temp_dir.h"

namespace anpr::store::testing {

inline constexpr int64_t kHourUs = 3'600'000'000LL;
inline constexpr int64_t kDayUs = 24 * kHourUs;

// Connection string of a new database with every embedded migration applied.
std::string migrated_database(const std::string& name);

int64_t now_us();

// An evidence writer on its own throwaway directory, for writing batches.
class ScratchEvidence {
 public:
  ScratchEvidence() : writer_({dir_.path() / "evidence"}, 0) {}
  evidence_store::EvidenceWriter& writer() { return writer_; }
  std::filesystem::path dir() const { return dir_.path() / "evidence"; }

 private:
  ::anpr::testing::TempDir dir_;
  evidence_store::EvidenceWriter writer_;
};

// `size` bytes starting with a JPEG SOI marker and including every byte
// value, so byte-exact round trips are really tested.
std::string fake_jpeg(std::size_t size);

// A complete sighting as an edge would send it, with a 3 KB plate patch and
// no overview image.
anpr::v1::Sighting make_sighting(const std::string& plate, int64_t captured_at_us,
                                 const std::string& site_id = "lv-terehova");

std::vector<std::string> ids_of(const std::vector<anpr::v1::Sighting>& batch);

}  // namespace anpr::store::testing
