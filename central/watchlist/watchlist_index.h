// The in-memory watchlist the central checks every sighting against. It must
// answer in microseconds with a million entries and take additions and
// removals while sightings are being matched, so it keeps three indexes:
//
//  - by OCR-canonical key (common/plate/ocr_equivalence.h): exact entries and
//    entries tolerating only OCR-equivalent swaps land on the read's key;
//  - by deletion neighbourhood of the canonical key (the SymSpell idea): an
//    entry tolerating k other edits is filed under every key with up to k
//    characters deleted, and a read looks up its own deletions; any two
//    strings within k edits share such a key;
//  - wildcard entries by their longest literal run, looked up through every
//    substring of the read; the rare entry with nothing to index is scanned.
//
// Every candidate an index yields is then checked with plate::match, in-force
// and country rules, so the indexes only have to never miss.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "central/watchlist/watchlist_entry.h"

namespace anpr::watchlist {

struct Hit {
  std::shared_ptr<const Entry> entry;
  plate::MatchResult match;
};

class Index {
 public:
  // Adds or replaces (same id) an entry. Throws PlateError for a pattern
  // that is not normalised.
  void upsert(Entry entry);
  // False when no entry has that id.
  bool remove(int64_t id);
  std::size_t size() const;

  // Every entry in force at `when` that matches the normalised `plate` read
  // in `country`: highest priority first, then the closest match.
  std::vector<Hit> match(const std::string& plate, const std::string& country, const MatchTime& when) const;

  // A snapshot of all entries, in id order (for export).
  std::vector<std::shared_ptr<const Entry>> entries() const;

 private:
  using Postings = std::unordered_map<std::string, std::vector<int64_t>>;

  // The keys an entry is filed under, in which posting map.
  struct Filing {
    Postings* postings;
    std::string key;
  };
  std::vector<Filing> filings_of(const Entry& entry);
  void unfile(int64_t id, const Entry& entry);

  mutable std::shared_mutex mutex_;
  std::unordered_map<int64_t, std::shared_ptr<const Entry>> by_id_;
  Postings by_key_;        // canonical key of wildcard-free patterns
  Postings by_deletion_;   // canonical keys with 1..k characters deleted
  Postings by_fragment_;   // longest canonical literal run of wildcard patterns
  std::vector<int64_t> scanned_;
  unsigned max_edits_ = 0;  // largest other-edit tolerance ever filed
};

}  // namespace anpr::watchlist
