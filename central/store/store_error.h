// The exception type of anpr_store for problems the store itself detects:
// a schema that does not fit this binary, or input it cannot store. Errors
// from PostgreSQL itself stay pqxx exceptions, so callers can tell a broken
// connection (retry later) from a refusal (do not retry).
#pragma once

#include <stdexcept>

namespace anpr::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace anpr::store
