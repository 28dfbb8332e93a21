// Per-character voting over a track's reads; see voter.h.
#include "edge/track/voter.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "common/plate/plate_display.h"
#include "common/plate/plate_format.h"
#include "edge/track/text_alignment.h"
#include "edge/track/track_error.h"

namespace anpr::track {
namespace {

struct Ballot {
  std::string_view text;
  double weight;
};

// plate::rank_candidates per distinct text, once: a track repeats the same
// few texts hundreds of times.
class Validity {
 public:
  explicit Validity(std::span<const std::string> hints) : hints_(hints) {}

  double of(std::string_view text) {
    const auto found = cache_.find(text);
    if (found != cache_.end()) return found->second;
    const plate::OcrCandidate candidate{std::string(text), 1.0};
    const auto ranked = plate::rank_candidates(std::span(&candidate, 1), hints_);
    const double validity = ranked.empty() ? plate::kUnfitValidity : ranked.front().validity;
    cache_.emplace(std::string(text), validity);
    return validity;
  }

 private:
  std::span<const std::string> hints_;
  std::map<std::string, double, std::less<>> cache_;
};

std::vector<Ballot> ballots_of(std::span<const Observation> observations, const VoterOptions& options,
                               Validity& validity) {
  std::vector<Ballot> ballots;
  for (const Observation& o : observations) {
    const PlateRead& read = o.read;
    ballots.push_back({read.text, read.confidence * validity.of(read.text)});
    for (const plate::OcrCandidate& alternative : read.candidates) {
      if (alternative.text == read.text) continue;
      ballots.push_back(
          {alternative.text, alternative.confidence * validity.of(alternative.text) * options.alternative_weight});
    }
  }
  return ballots;
}

// The length with the most vote weight; the longer one on a tie, because a
// plate loses characters at its edges more often than it gains them.
std::size_t common_length(const std::vector<Ballot>& ballots) {
  std::map<std::size_t, double> weight_of_length;
  for (const Ballot& b : ballots) weight_of_length[b.text.size()] += b.weight;
  std::size_t best = 0;
  double best_weight = -1.0;
  for (const auto& [length, weight] : weight_of_length) {
    if (weight >= best_weight) {
      best = length;
      best_weight = weight;
    }
  }
  return best;
}

std::string_view heaviest_of_length(const std::vector<Ballot>& ballots, std::size_t length) {
  const Ballot* best = nullptr;
  for (const Ballot& b : ballots) {
    if (b.text.size() == length && (best == nullptr || b.weight > best->weight)) best = &b;
  }
  return best->text;
}

// Vote weight per character at each position of the reference.
class Tally {
 public:
  Tally(std::string_view reference, const std::vector<Ballot>& ballots) : reference_(reference) {
    weights_.resize(reference.size());
    for (std::size_t p = 0; p < reference.size(); ++p) weights_[p][reference[p]] = 0.0;
    for (const Ballot& b : ballots) {
      if (b.text.size() == reference.size()) {
        for (std::size_t p = 0; p < reference.size(); ++p) weights_[p][b.text[p]] += b.weight;
        continue;
      }
      const auto aligned = align_to(reference, b.text);
      for (std::size_t p = 0; p < reference.size(); ++p) {
        if (aligned[p]) weights_[p][b.text[*aligned[p]]] += b.weight;
      }
    }
  }

  // The heaviest character per position; the reference's on a tie, then the
  // first in the alphabet, so equal evidence gives the same text every run.
  std::string winners() const {
    std::string text(reference_);
    for (std::size_t p = 0; p < reference_.size(); ++p) {
      double best = weights_[p].at(reference_[p]);
      for (const auto& [c, weight] : weights_[p]) {
        if (weight > best) {
          best = weight;
          text[p] = c;
        }
      }
    }
    return text;
  }

  double share(std::size_t position, char c) const {
    double total = 0.0;
    for (const auto& [_, weight] : weights_[position]) total += weight;
    const auto found = weights_[position].find(c);
    if (total <= 0.0 || found == weights_[position].end()) return 0.0;
    return found->second / total;
  }

  double agreement(std::string_view text) const {
    if (text.empty()) return 0.0;
    double sum = 0.0;
    for (std::size_t p = 0; p < text.size(); ++p) sum += share(p, text[p]);
    return sum / static_cast<double>(text.size());
  }

  // Every character at every position that reached `min_share`.
  std::vector<std::pair<std::size_t, char>> contenders(double min_share) const {
    std::vector<std::pair<std::size_t, char>> out;
    for (std::size_t p = 0; p < weights_.size(); ++p) {
      for (const auto& [c, _] : weights_[p]) {
        if (share(p, c) >= min_share) out.emplace_back(p, c);
      }
    }
    return out;
  }

 private:
  std::string_view reference_;
  std::vector<std::map<char, double>> weights_;
};

std::vector<ScoredText> rank_hypotheses(const std::string& winner, const Tally& tally,
                                        const std::vector<Ballot>& ballots, double mean_confidence,
                                        const VoterOptions& options) {
  std::set<std::string> others;
  for (const Ballot& b : ballots) {
    if (b.text.size() == winner.size()) others.emplace(b.text);
  }
  for (const auto& [position, c] : tally.contenders(options.min_runner_up_share)) {
    std::string swapped = winner;
    swapped[position] = c;
    others.insert(std::move(swapped));
  }
  others.erase(winner);

  std::vector<ScoredText> ranked;
  for (const std::string& text : others) ranked.push_back({text, tally.agreement(text) * mean_confidence});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const ScoredText& a, const ScoredText& b) { return a.score > b.score; });
  ranked.insert(ranked.begin(), {winner, tally.agreement(winner) * mean_confidence});
  if (ranked.size() > options.max_candidates) ranked.resize(options.max_candidates);
  return ranked;
}

struct CountryVerdict {
  std::string country;
  double confidence = 0.0;
};

// The recognisers' country votes, from the reads of the voted text itself
// when any named a country: a read's country is a judgement of its own
// text, and a misread (`IHZN318` fits a German format) says nothing about
// whose plate `HZN318` is. Otherwise every read votes; when none named a
// country, what the plate format of the final text says.
CountryVerdict vote_country(std::span<const Observation> observations, const std::string& text,
                            const VoterOptions& options) {
  const auto reads_the_text = [&](const Observation& o) { return o.read.text == text && !o.read.country.empty(); };
  const bool only_the_text = std::any_of(observations.begin(), observations.end(), reads_the_text);
  std::map<std::string, double> weight_of_country;
  double total = 0.0;
  for (const Observation& o : observations) {
    if (only_the_text && o.read.text != text) continue;
    total += o.read.confidence;
    if (!o.read.country.empty()) weight_of_country[o.read.country] += o.read.confidence * o.read.country_confidence;
  }
  if (weight_of_country.empty()) {
    const plate::OcrCandidate candidate{text, 1.0};
    const auto ranked = plate::rank_candidates(std::span(&candidate, 1), options.country_hints);
    if (ranked.empty() || ranked.front().format == nullptr) return {};
    return {ranked.front().format->country, ranked.front().country_confidence};
  }
  CountryVerdict best;
  for (const auto& [country, weight] : weight_of_country) {
    if (weight > best.confidence || best.country.empty()) best = {country, weight};
  }
  best.confidence = total > 0.0 ? best.confidence / total : 0.0;
  return best;
}

}  // namespace

Vote vote(std::span<const Observation> observations, const VoterOptions& options) {
  if (observations.empty()) throw TrackError("cannot vote over a track without observations");
  Validity validity(options.country_hints);
  const std::vector<Ballot> ballots = ballots_of(observations, options, validity);
  const std::string_view reference = heaviest_of_length(ballots, common_length(ballots));
  const Tally tally(reference, ballots);

  double confidence_sum = 0.0;
  for (const Observation& o : observations) confidence_sum += o.read.confidence;
  const double mean_confidence = confidence_sum / static_cast<double>(observations.size());

  Vote result;
  result.text = tally.winners();
  result.candidates = rank_hypotheses(result.text, tally, ballots, mean_confidence, options);
  result.confidence = result.candidates.front().score;
  const CountryVerdict country = vote_country(observations, result.text, options);
  result.country = country.country;
  result.country_confidence = country.confidence;
  result.display = plate::display(result.text, result.country);
  result.frames_seen = observations.size();
  return result;
}

void validate(const VoterOptions& options) {
  if (options.max_candidates == 0) throw TrackError("voter max_candidates must be at least 1");
  if (!(options.alternative_weight >= 0.0 && options.alternative_weight <= 1.0)) {
    throw TrackError("voter alternative_weight " + std::to_string(options.alternative_weight) +
                     " is outside [0, 1]");
  }
  if (!(options.min_runner_up_share > 0.0 && options.min_runner_up_share <= 1.0)) {
    throw TrackError("voter min_runner_up_share " + std::to_string(options.min_runner_up_share) +
                     " is outside (0, 1]");
  }
  const auto& known = plate::countries();
  for (const std::string& hint : options.country_hints) {
    if (std::find(known.begin(), known.end(), hint) == known.end()) {
      throw TrackError("voter country hint '" + hint + "' is not a catalogued plate country");
    }
  }
}

}  // namespace anpr::track
