// Evidence segments on real files: images come back byte for byte from where
// the writer said they are, every kind of damage or mix-up is an error that
// names the file, and a writer never appends behind a torn tail.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "central/evidence/evidence_format.h"
#include "central/evidence/evidence_reader.h"
#include "central/evidence/evidence_writer.h"
#include "tests/support/temp_dir.h"

namespace anpr::evidence_store {
namespace {

using ::anpr::testing::TempDir;

constexpr std::int64_t kDayUs = 86'400'000'000;
constexpr std::int64_t kNov25Us = 1'795'564'800'000'000;  // 2026-11-25 00:00:00 UTC

std::string event_id(int n) { return std::string(15, '\x01') + static_cast<char>(n); }

std::string image(int n, std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((n * 131 + i * 7) & 0xff);
  return bytes;
}

std::vector<std::filesystem::path> segments_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".seg") found.push_back(entry.path());
  }
  return found;
}

void flip_byte(const std::filesystem::path& file, std::uint64_t offset) {
  std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
  io.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  io.read(&c, 1);
  c = static_cast<char>(c ^ 0x40);
  io.seekp(static_cast<std::streamoff>(offset));
  io.write(&c, 1);
}

TEST(EvidenceFormat, RecordRoundTripsAndDetectsDamage) {
  std::string bytes;
  append_record(bytes, event_id(7), image(1, 3000), image(2, 500));
  std::string why;
  auto record = decode_record(bytes, &why);
  ASSERT_TRUE(record) << why;
  EXPECT_EQ(record->event_id, event_id(7));
  EXPECT_EQ(record->plate_jpeg, image(1, 3000));
  EXPECT_EQ(record->overview_jpeg, image(2, 500));

  bytes[100] ^= 1;
  EXPECT_FALSE(decode_record(bytes, &why));
  EXPECT_EQ(why, "record checksum mismatch");
  EXPECT_FALSE(decode_record(std::string_view(bytes).substr(0, 50), &why));
  EXPECT_THROW(append_record(bytes, "short", "x", ""), std::invalid_argument);
}

TEST(EvidenceFormat, SegmentHeaderAndNames) {
  const auto header = encode_segment_header(0x1234);
  std::string why;
  EXPECT_EQ(decode_segment_header(std::string_view(header.data(), header.size()), &why), 0x1234u);
  std::string bad(header.data(), header.size());
  bad[9] ^= 1;
  EXPECT_FALSE(decode_segment_header(bad, &why));
  EXPECT_EQ(why, "segment header checksum mismatch");
  EXPECT_EQ(segment_file_name(0x6445c8e3b2a41), "0006445c8e3b2a41.seg");
  EXPECT_EQ(day_folder_name(0), "1970-01-01");
  EXPECT_EQ(day_folder_name(kNov25Us), "2026-11-25");
  EXPECT_EQ(day_folder_name(kNov25Us - 1), "2026-11-24");
}

TEST(EvidenceWriter, ImagesComeBackFromWhereTheWriterPutThem) {
  TempDir dir;
  EvidenceWriter writer({dir.path() / "evidence"}, 1);
  const std::string ids[] = {event_id(1), event_id(2), event_id(3), event_id(4)};
  const std::string plates[] = {image(1, 3072), image(2, 2900), "", image(4, 10)};
  const std::string overview = image(9, 40000);
  const std::vector<EvidenceItem> items = {
      {ids[0], kNov25Us + 5, plates[0], ""},
      {ids[1], kNov25Us - kDayUs, plates[1], overview},  // an edge catching up on yesterday
      {ids[2], kNov25Us + 9, "", ""},                    // no images: no record
      {ids[3], kNov25Us + 7, plates[3], ""},
  };
  const auto where = writer.append(items);
  ASSERT_EQ(where.size(), 4u);
  ASSERT_TRUE(where[0] && where[1] && where[3]);
  EXPECT_FALSE(where[2]);
  EXPECT_EQ(where[0]->segment_id, where[3]->segment_id);
  EXPECT_NE(where[0]->segment_id, where[1]->segment_id);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "evidence" / "2026-11-24"));

  for (std::size_t i : {0u, 1u, 3u}) {
    const EvidenceRecord got = read_evidence(dir.path() / "evidence", ids[i], items[i].captured_at_us, *where[i]);
    EXPECT_EQ(got.plate_jpeg, plates[i]) << i;
    EXPECT_EQ(got.overview_jpeg, i == 1 ? overview : "") << i;
  }
}

TEST(EvidenceReader, MixUpsAndDamageAreErrorsNamingTheFile) {
  TempDir dir;
  EvidenceWriter writer({dir.path()}, 0);
  const std::string id = event_id(1);
  const std::string plate = image(1, 3072);
  const EvidenceItem item{id, kNov25Us, plate, ""};
  const EvidenceLocation at = *writer.append({&item, 1})[0];

  EXPECT_THROW(read_evidence(dir.path(), event_id(2), kNov25Us, at), EvidenceError);  // someone else's picture
  EXPECT_THROW(read_evidence(dir.path(), id, kNov25Us + kDayUs, at), EvidenceError);  // wrong day: no such file
  EXPECT_THROW(read_evidence(dir.path(), id, kNov25Us, {at.segment_id + 1, at.offset}), EvidenceError);
  EXPECT_THROW(read_evidence(dir.path(), id, kNov25Us, {at.segment_id, at.offset + 1}), EvidenceError);

  const auto files = segments_in(dir.path());
  ASSERT_EQ(files.size(), 1u);
  flip_byte(files[0], at.offset + 1000);
  try {
    read_evidence(dir.path(), id, kNov25Us, at);
    FAIL() << "a damaged record was returned";
  } catch (const EvidenceError& e) {
    EXPECT_NE(std::string(e.what()).find(files[0].string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
  }
}

TEST(EvidenceWriter, ANewWriterNeverAppendsBehindATornTail) {
  TempDir dir;
  const std::string first_id = event_id(1);
  const std::string plate = image(1, 3072);
  const EvidenceItem first{first_id, kNov25Us, plate, ""};
  EvidenceLocation kept;
  {
    EvidenceWriter writer({dir.path()}, 0);
    kept = *writer.append({&first, 1})[0];
    const std::string torn_id = event_id(2);
    const EvidenceItem torn{torn_id, kNov25Us, plate, ""};
    writer.append({&torn, 1});
  }
  auto files = segments_in(dir.path());
  ASSERT_EQ(files.size(), 1u);
  std::filesystem::resize_file(files[0], std::filesystem::file_size(files[0]) - 100);  // a crash mid-write

  EvidenceWriter again({dir.path()}, 0);
  const std::string next_id = event_id(3);
  const EvidenceItem next{next_id, kNov25Us, plate, ""};
  const EvidenceLocation after = *again.append({&next, 1})[0];
  EXPECT_NE(after.segment_id, kept.segment_id);
  EXPECT_EQ(segments_in(dir.path()).size(), 2u);
  EXPECT_EQ(read_evidence(dir.path(), first_id, kNov25Us, kept).plate_jpeg, plate);
  EXPECT_EQ(read_evidence(dir.path(), next_id, kNov25Us, after).plate_jpeg, plate);
}

TEST(EvidenceWriter, RollsToANewSegmentAtTheSizeLimit) {
  TempDir dir;
  EvidenceWriter writer({dir.path(), 6000}, 3);
  const std::string plate = image(1, 3072);
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(event_id(i));
  std::vector<EvidenceLocation> where;
  for (const std::string& id : ids) {
    const EvidenceItem item{id, kNov25Us, plate, ""};
    where.push_back(*writer.append({&item, 1})[0]);
  }
  // A segment takes records until it has reached 6000 bytes: two of 3100 each.
  EXPECT_EQ(segments_in(dir.path()).size(), 3u);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(where[i].segment_id & 0xf, 3u);
    EXPECT_EQ(read_evidence(dir.path(), ids[i], kNov25Us, where[i]).plate_jpeg, plate);
  }
}

TEST(EvidenceWriter, AnUnusableDirectoryIsAStartUpError) {
  TempDir dir;
  std::ofstream(dir.file("not-a-directory")) << "x";
  try {
    EvidenceWriter writer({dir.path() / "not-a-directory" / "evidence"}, 0);
    FAIL() << "a writer was made under a regular file";
  } catch (const posix::FileError& e) {
    EXPECT_NE(std::string(e.what()).find("not-a-directory"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anpr::evidence_store
