// Transient database failures; see db_errors.h.
#include "central/server/db_errors.h"

#include <string>

#include <pqxx/except>

namespace anpr::central {

bool is_transient(const std::exception& error) {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) return true;
  if (dynamic_cast<const pqxx::in_doubt_error*>(&error) != nullptr) return true;
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error)) {
    const std::string state = sql->sqlstate();
    // SQLSTATE classes: 08 connection exception, 40 transaction rollback
    // (serialisation, deadlock), 53 insufficient resources, 57 operator
    // intervention (admin shutdown, cannot connect now), 58 system error.
    if (state.size() == 5) {
      const std::string cls = state.substr(0, 2);
      return cls == "08" || cls == "40" || cls == "53" || cls == "57" || cls == "58";
    }
    return true;  // no SQLSTATE: the connection failed before the server answered
  }
  return false;
}

std::string error_text(const std::exception& error) {
  std::string out;
  for (const char* c = error.what(); *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\r' || *c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += *c == '"' ? '\'' : *c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace anpr::central
