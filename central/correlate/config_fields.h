// Field checks shared by the site, rule and option loaders, so that a
// country code or an identifier is judged the same way wherever it is
// written, with the key path in the error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/config/config.h"

namespace anpr::correlate {

// Two capital letters, as the database's CHECK constraints want them.
bool is_country_code(std::string_view text);

// Lower-case letters, digits and '-': site ids, rule ids and agency codes,
// which end up in SQL keys and ZeroMQ topic frames.
bool is_code(std::string_view text);

std::string require_code(const config::Section& section, std::string_view key);
std::string require_country(const config::Section& section, std::string_view key);

// A required number within [min, max].
double require_double(const config::Section& section, std::string_view key, double min, double max);

// An optional non-empty list of country codes; empty when the key is absent.
std::vector<std::string> country_list(const config::Section& section, std::string_view key);

}  // namespace anpr::correlate
