// Everything correlation reads from central.yaml, in one call for the
// central daemon: the `sites` list (site_config.h), the `rules` list
// (rule_config.h) and the thresholds:
//
//   correlation:
//     crossing:
//       window: 6h
//       min_confidence: 0.8
//     impossible_travel:
//       max_speed_kmh: 200
//       min_distance_km: 5
//       clock_tolerance: 60s
//       min_confidence: 0.9
//
// Every threshold is optional; the defaults are those of crossing.h and
// impossible_travel.h, explained in docs/correlation.md.
#pragma once

#include "central/correlate/correlator.h"
#include "central/correlate/rules.h"
#include "central/correlate/site_catalog.h"
#include "common/config/config.h"

namespace anpr::correlate {

struct CorrelationConfig {
  SiteCatalog sites;
  CorrelationOptions options;
  RuleSet rules;
};

// Reads the `correlation` section of `parent`.
CorrelationOptions load_options(const config::Section& parent);

// Reads `sites`, `correlation` and `rules` from `root`.
CorrelationConfig load_correlation(const config::Section& root);

}  // namespace anpr::correlate
