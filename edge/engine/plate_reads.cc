// One read a plate; see plate_reads.h.
#include "edge/engine/plate_reads.h"

#include <algorithm>
#include <string>

#include "common/plate/plate_rank.h"
#include "edge/engine/plate_identifier.h"
#include "edge/engine/quad.h"

namespace anpr::engine {
namespace {

bool reads_more_of(const PlateRead& longer, const PlateRead& shorter) {
  return reads_more_at_ends(longer.text, shorter.text);
}

bool surer(const PlateRead& a, const PlateRead& b) { return a.confidence > b.confidence; }

// As the identifier ranks the texts of one cut (plate_rank.h): confidence
// times validity, a text that fits no format counted at kUnfitValidity.
bool ranks_above(const PlateRead& a, const PlateRead& b) {
  const auto score = [](const PlateRead& r) { return r.confidence * std::max(r.validity, plate::kUnfitValidity); };
  return score(a) > score(b);
}

}  // namespace

bool same_plate(const cv::Rect& a, const cv::Rect& b) {
  constexpr double kSamePlate = 0.5;
  return smaller_box_inside(a, b) >= kSamePlate;
}

std::vector<PlateRead> one_read_a_plate(std::vector<PlateRead> reads) {
  // On ro-robertlucian frames a group of a Romanian plate's text (`144M`)
  // is found as a tall box of its own, 0.47 of it inside the plate's.
  constexpr double kGroupInside = 0.25;
  std::stable_sort(reads.begin(), reads.end(), surer);
  std::vector<PlateRead> kept;
  for (PlateRead& read : reads) {
    const auto same = std::find_if(kept.begin(), kept.end(), [&](const PlateRead& k) {
      const bool nested = reads_more_of(read, k) || reads_more_of(k, read);
      return same_plate(k.box, read.box) || (nested && smaller_box_inside(k.box, read.box) >= kGroupInside);
    });
    if (same == kept.end()) {
      kept.push_back(std::move(read));
    } else if ((reads_more_of(read, *same) && read.confidence >= kLongerCutShare * same->confidence) ||
               ranks_above(read, *same)) {
      *same = std::move(read);
    }
  }
  // A whole plate kept in place of a surer group may now rank lower.
  std::stable_sort(kept.begin(), kept.end(), surer);
  return kept;
}

}  // namespace anpr::engine
