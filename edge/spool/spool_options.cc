// Validation of SpoolOptions; see spool_options.h.
#include "spool_options.h"

#include <stdexcept>

#include <spdlog/fmt/fmt.h>

namespace anpr::spool {

void validate(const SpoolOptions& options) {
  if (options.segment_bytes < kMinSegmentBytes) {
    throw std::invalid_argument(
        fmt::format("spool segment_bytes {} is below the minimum of {}", options.segment_bytes, kMinSegmentBytes));
  }
  // Two segments at least, so that closing one never has to delete everything
  // else to make room for the next.
  if (options.max_total_bytes < 2 * options.segment_bytes) {
    throw std::invalid_argument(fmt::format("spool max_total_bytes {} must be at least twice segment_bytes {}",
                                            options.max_total_bytes, options.segment_bytes));
  }
  if (options.group_commit_interval.count() < 0) {
    throw std::invalid_argument(fmt::format("spool group_commit_interval {} ms is negative",
                                            options.group_commit_interval.count()));
  }
  if (options.ack_floor_sync_interval.count() < 0) {
    throw std::invalid_argument(fmt::format("spool ack_floor_sync_interval {} ms is negative",
                                            options.ack_floor_sync_interval.count()));
  }
}

}  // namespace anpr::spool
