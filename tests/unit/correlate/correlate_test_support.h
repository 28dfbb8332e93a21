// Sites and sightings shared by the correlation tests: real places on and
// near the Latvia-Lithuania border, and a builder for confident, synced
// sightings that each test then spoils in the one way it is about.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "central/correlate/duration_text.h"
#include "central/correlate/rules.h"
#include "central/correlate/sighting.h"
#include "central/correlate/site_catalog.h"

namespace anpr::correlate::testing {

// 2025-11-25 08:00:00 UTC.
inline constexpr int64_t kT0 = 1'764'057'600'000'000;

inline int64_t minutes(int64_t n) { return n * kMicrosPerMinute; }
inline int64_t seconds(int64_t n) { return n * kMicrosPerSecond; }

inline Site site(std::string id, std::string country, double lat, double lon, bool border) {
  Site s;
  s.id = std::move(id);
  s.country = std::move(country);
  s.name = s.id;
  s.position = {lat, lon};
  s.border = border;
  return s;
}

// grenctale-1 (LV) and salociai-1 (LT) face each other across the border on
// the Riga-Panevėžys road, ~1.8 km apart; grenctale-2 is 1 km north of
// grenctale-1; karsava-1 is on the LV-RU border, ~277 km from vilnius-1.
inline SiteCatalog border_catalog() {
  SiteCatalog catalog;
  bool all_added = catalog.add(site("grenctale-1", "LV", 56.3700, 24.2480, true)) &&
                   catalog.add(site("grenctale-2", "LV", 56.3790, 24.2480, false)) &&
                   catalog.add(site("salociai-1", "LT", 56.3540, 24.2530, true)) &&
                   catalog.add(site("karsava-1", "LV", 56.7845, 27.6880, true)) &&
                   catalog.add(site("riga-1", "LV", 56.9496, 24.1052, false)) &&
                   catalog.add(site("vilnius-1", "LT", 54.6872, 25.2797, false));
  if (!all_added) throw std::logic_error("border_catalog: duplicate site id");
  return catalog;
}

// A distinct 16-byte event id per call.
inline std::string next_event_id() {
  static uint64_t counter = 0;
  std::string id(16, '\0');
  uint64_t n = ++counter;
  for (int i = 0; i < 8; ++i) id[15 - i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return id;
}

inline Sighting seen(std::string site_id, int64_t at_us, std::string plate = "AB1234", std::string country = "LV") {
  Sighting s;
  s.event_id = next_event_id();
  s.plate_text = std::move(plate);
  s.plate_country = std::move(country);
  s.site_id = std::move(site_id);
  s.camera_id = s.site_id + "-cam1";
  s.captured_at_us = at_us;
  s.direction = Direction::kApproaching;
  s.read_confidence = 0.95;
  s.clock_state = ClockState::kSynced;
  return s;
}

// The rule central.yaml's example configures: RU plates entering Latvia.
inline Rule ru_entry() {
  Rule rule;
  rule.id = "ru-entry-lv";
  rule.name = "Russian-registered vehicle entering Latvia";
  rule.priority = Priority::kHigh;
  rule.agency = "vrs";
  rule.plate_countries = {"RU"};
  rule.site_countries = {"LV"};
  rule.border_only = true;
  rule.direction = Direction::kApproaching;
  return rule;
}

}  // namespace anpr::correlate::testing
