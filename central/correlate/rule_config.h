// Reading correlation rules from central.yaml:
//
//   rules:
//     - id: ru-entry-lv
//       name: Russian-registered vehicle entering Latvia
//       priority: high                 # low | medium | high | critical
//       agency: vrs                    # receives the alert
//       when:                          # every condition given must hold
//         plate_country: [RU]
//         site_country: [LV]
//         site: [karsava-1]            # site ids
//         border_site: true
//         direction: approaching       # approaching | receding | stationary
//         hours: "22:00-06:00"         # local time; may span midnight
//         min_confidence: 0.85         # default 0.8
//         crossings: {at_least: 3, within: 7d}
//
// Errors name the key and, once its id is read, the rule:
// "central.yaml: rules[2].priority: rule 'ru-entry-lv': must be one of ...".
// Unknown keys are left to config::Document::check_unknown().
#pragma once

#include <optional>
#include <string_view>

#include "central/correlate/rules.h"
#include "central/correlate/site_catalog.h"
#include "common/config/config.h"

namespace anpr::correlate {

// Reads the `rules` list of `parent`; site ids are checked against `sites`.
// An absent list is an empty set.
RuleSet load_rules(const config::Section& parent, const SiteCatalog& sites);

// "HH:MM-HH:MM" with 00:00 <= HH:MM <= 24:00 and the two ends different;
// nothing for anything else.
std::optional<HoursOfDay> parse_hours(std::string_view text);

}  // namespace anpr::correlate
