// Central's evidence images go to append-only segment files, not to
// PostgreSQL: at 20 000 sightings/s a 3 KB plate patch is 60 MB/s, and
// PostgreSQL 15 writes each image four times over (WAL, a zero-filled new
// heap page, the page itself, and 8 KB pages half filled by 3 KB rows),
// which on the 2-core box cost more than everything else on the ingest path
// (docs/central.md, "Evidence outside PostgreSQL"). Here an image is copied
// once and made durable with one fdatasync per batch, before the batch's
// transaction commits, so a committed row never points at a lost image.
//
// An EvidenceWriter belongs to one store writer thread (writer_index tells
// their files apart) and keeps one open segment per capture day it is
// writing. A fresh writer, and a writer after an I/O failure, always starts
// new segments: a torn tail of an old one is never appended to, and no row
// points into it because its transaction never committed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "central/evidence/evidence_format.h"
#include "common/posix/posix_file.h"

namespace anpr::evidence_store {

struct EvidenceOptions {
  std::filesystem::path dir;                 // created if missing
  std::uint64_t segment_bytes = 256u << 20;  // a segment is closed once it reaches this
};

// One sighting's images; a sighting with neither gets no record.
struct EvidenceItem {
  std::string_view event_id;  // 16 raw bytes
  std::int64_t captured_at_us = 0;
  std::string_view plate_jpeg;
  std::string_view overview_jpeg;
};

class EvidenceWriter {
 public:
  // Creates options.dir if needed; throws posix::FileError (naming the
  // directory) when it cannot be created or written. writer_index < 16.
  EvidenceWriter(EvidenceOptions options, unsigned writer_index);

  // Appends the images of `items` and returns once they are on disk
  // (fdatasync of every segment written). Element i is where item i's
  // images are, nullopt for an item without images. Throws posix::FileError
  // on an I/O failure; nothing returned by an earlier call is affected.
  std::vector<std::optional<EvidenceLocation>> append(std::span<const EvidenceItem> items);

 private:
  struct OpenSegment {
    std::string day;
    std::uint64_t id = 0;
    std::uint64_t size = 0;
    posix::File file;
  };

  OpenSegment& segment_for(const std::string& day);
  std::uint64_t next_segment_id();

  EvidenceOptions options_;
  unsigned writer_index_;
  std::uint64_t last_id_us_ = 0;
  std::list<OpenSegment> open_;  // most recently used first
};

}  // namespace anpr::evidence_store
