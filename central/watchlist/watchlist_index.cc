// In-memory watchlist index; see watchlist_index.h for the scheme.
#include "central/watchlist/watchlist_index.h"

#include <algorithm>
#include <mutex>
#include <set>

#include "common/plate/ocr_equivalence.h"
#include "common/plate/plate_error.h"
#include "common/plate/plate_text.h"

namespace anpr::watchlist {

namespace {

// Wildcard fragments shorter than this would match too many reads to be
// worth indexing; such entries are scanned instead.
constexpr std::size_t kMinFragment = 2;

// All distinct strings made by deleting 1..k characters of `key`.
std::set<std::string> deletions(const std::string& key, unsigned k) {
  std::set<std::string> out;
  std::vector<std::string> frontier{key};
  for (unsigned round = 0; round < k; ++round) {
    std::vector<std::string> next;
    for (const auto& s : frontier) {
      for (std::size_t i = 0; i < s.size(); ++i) {
        std::string shorter = s.substr(0, i) + s.substr(i + 1);
        if (out.insert(shorter).second) next.push_back(std::move(shorter));
      }
    }
    frontier = std::move(next);
  }
  return out;
}

// The longest run of literal characters of a wildcard pattern, canonical.
std::string longest_fragment(const std::string& pattern) {
  std::string best, run;
  for (char c : pattern + "*") {
    if (c == '*' || c == '?') {
      if (run.size() > best.size()) best = run;
      run.clear();
    } else {
      run += c;
    }
  }
  return plate::ocr_canonical_key(best);
}

void erase_posting(std::unordered_map<std::string, std::vector<int64_t>>& postings, const std::string& key,
                   int64_t id) {
  auto it = postings.find(key);
  if (it == postings.end()) return;
  auto& ids = it->second;
  ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  if (ids.empty()) postings.erase(it);
}

}  // namespace

std::vector<Index::Filing> Index::filings_of(const Entry& entry) {
  std::vector<Filing> out;
  if (entry.has_wildcard()) {
    std::string fragment = longest_fragment(entry.pattern);
    // With other edits allowed the fragment itself may be misread, so it
    // cannot be required to appear in the read.
    if (fragment.size() >= kMinFragment && entry.tolerance().max_other_edits == 0) {
      out.push_back({&by_fragment_, fragment});
    }
    return out;
  }
  std::string key = plate::ocr_canonical_key(entry.pattern);
  out.push_back({&by_key_, key});
  for (auto& shorter : deletions(key, entry.tolerance().max_other_edits)) out.push_back({&by_deletion_, shorter});
  return out;
}

void Index::unfile(int64_t id, const Entry& entry) {
  auto filings = filings_of(entry);
  if (filings.empty()) scanned_.erase(std::remove(scanned_.begin(), scanned_.end(), id), scanned_.end());
  for (const auto& f : filings) erase_posting(*f.postings, f.key, id);
}

void Index::upsert(Entry entry) {
  auto normalised = plate::normalise_pattern(entry.pattern);
  if (!normalised.clean() || normalised.text != entry.pattern || entry.pattern.empty()) {
    throw plate::PlateError("watchlist entry " + std::to_string(entry.id) + ": pattern '" + entry.pattern +
                            "' is not a normalised plate (A-Z, 0-9, * and ?)");
  }
  auto stored = std::make_shared<const Entry>(std::move(entry));
  std::unique_lock lock(mutex_);
  if (auto old = by_id_.find(stored->id); old != by_id_.end()) unfile(stored->id, *old->second);
  auto filings = filings_of(*stored);
  if (filings.empty()) scanned_.push_back(stored->id);
  for (const auto& f : filings) (*f.postings)[f.key].push_back(stored->id);
  max_edits_ = std::max(max_edits_, stored->tolerance().max_other_edits);
  by_id_[stored->id] = std::move(stored);
}

bool Index::remove(int64_t id) {
  std::unique_lock lock(mutex_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  unfile(id, *it->second);
  by_id_.erase(it);
  return true;
}

std::size_t Index::size() const {
  std::shared_lock lock(mutex_);
  return by_id_.size();
}

std::vector<Hit> Index::match(const std::string& plate, const std::string& country, const MatchTime& when) const {
  std::string key = plate::ocr_canonical_key(plate);
  std::vector<int64_t> candidates;
  std::shared_lock lock(mutex_);
  auto collect = [&](const Postings& postings, const std::string& k) {
    if (auto it = postings.find(k); it != postings.end()) {
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
  };
  collect(by_key_, key);
  // An entry filed under its own deletions meets a read that has extra
  // characters there; the read's deletions meet entries with fewer.
  collect(by_deletion_, key);
  for (const auto& shorter : deletions(key, max_edits_)) {
    collect(by_key_, shorter);
    collect(by_deletion_, shorter);
  }
  if (!by_fragment_.empty()) {
    for (std::size_t len = kMinFragment; len <= key.size(); ++len) {
      for (std::size_t pos = 0; pos + len <= key.size(); ++pos) collect(by_fragment_, key.substr(pos, len));
    }
  }
  candidates.insert(candidates.end(), scanned_.begin(), scanned_.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::vector<Hit> hits;
  for (int64_t id : candidates) {
    const auto& entry = by_id_.at(id);
    if (!in_force(*entry, when) || !country_allows(*entry, country)) continue;
    plate::MatchResult result = plate::match(entry->pattern, plate, entry->tolerance());
    if (result.matched) hits.push_back({entry, result});
  }
  lock.unlock();
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.entry->priority != b.entry->priority) return a.entry->priority > b.entry->priority;
    if (a.match.other_edits != b.match.other_edits) return a.match.other_edits < b.match.other_edits;
    if (a.match.equivalent_substitutions != b.match.equivalent_substitutions) {
      return a.match.equivalent_substitutions < b.match.equivalent_substitutions;
    }
    return a.entry->id < b.entry->id;
  });
  return hits;
}

std::vector<std::shared_ptr<const Entry>> Index::entries() const {
  std::vector<std::shared_ptr<const Entry>> out;
  {
    std::shared_lock lock(mutex_);
    out.reserve(by_id_.size());
    for (const auto& [id, entry] : by_id_) out.push_back(entry);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  return out;
}

}  // namespace anpr::watchlist
