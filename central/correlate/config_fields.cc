// Shared configuration field checks; see config_fields.h.
#include "central/correlate/config_fields.h"

#include <algorithm>

namespace anpr::correlate {

namespace {

const std::string kCountryRule = "must be an ISO 3166-1 alpha-2 country code in capitals, e.g. LV";

}  // namespace

bool is_country_code(std::string_view text) {
  return text.size() == 2 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_code(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string require_code(const config::Section& section, std::string_view key) {
  auto value = section.require<std::string>(key);
  if (!is_code(value)) section.fail(key, "must use only a-z, 0-9 and '-', got '" + value + "'");
  return value;
}

std::string require_country(const config::Section& section, std::string_view key) {
  auto value = section.require<std::string>(key);
  if (!is_country_code(value)) section.fail(key, kCountryRule + ", got '" + value + "'");
  return value;
}

double require_double(const config::Section& section, std::string_view key, double min, double max) {
  if (!section.has(key)) section.fail(key, "is required but missing");
  return section.get_double(key, 0, min, max);
}

std::vector<std::string> country_list(const config::Section& section, std::string_view key) {
  auto values = section.get<std::vector<std::string>>(key, {});
  if (section.has(key) && values.empty()) section.fail(key, "must list at least one country (leave the key out for any)");
  for (const auto& value : values) {
    if (!is_country_code(value)) section.fail(key, kCountryRule + ", got '" + value + "'");
  }
  return values;
}

}  // namespace anpr::correlate
