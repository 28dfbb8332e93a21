// Optional filter values as statement parameters: libpqxx 6 sends a null
// const char* as SQL NULL, which lets one fixed statement serve every
// combination of filters ("$1::text IS NULL OR column = $1").
#pragma once

#include <optional>
#include <string>

namespace anpr::cli {

inline const char* null_if_absent(const std::optional<std::string>& value) {
  return value ? value->c_str() : nullptr;
}

}  // namespace anpr::cli
