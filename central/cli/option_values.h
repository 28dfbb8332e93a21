// Option values that need more than a number: times and the platform's ids.
// Checked here, before any database work, so a typo is a usage error naming
// the option rather than a constraint violation from PostgreSQL.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace anpr::cli {

// "2026-11-25T08:00:00Z" or "2026-11-25" (midnight UTC) to microseconds
// since the epoch. Throws UsageError naming `option`.
int64_t parse_time(const std::string& text, std::string_view option);

// "2026-11-25T08:00:00Z" for microseconds since the epoch.
std::string time_text(int64_t us);

// Throws UsageError unless `value` is a platform id (a-z, 0-9, '-', as
// lists, agencies, edges and sites are); `what` names it.
void check_identifier(const std::string& value, std::string_view what);

}  // namespace anpr::cli
