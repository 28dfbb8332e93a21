// RFC 4180 CSV reading and writing; see csv.h.
#include "common/csv/csv.h"

namespace anpr::csv {

namespace {

bool formula_like(const std::string& field) {
  return !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@');
}

// Undoes write_record's defusing of a formula-like field.
std::string restored(std::string field) {
  if (field.size() >= 2 && field[0] == '\'' && formula_like(field.substr(1))) field.erase(0, 1);
  return field;
}

}  // namespace

CsvError::CsvError(std::size_t line, const std::string& problem)
    : std::runtime_error("line " + std::to_string(line) + ": " + problem), line_(line) {}

bool Reader::next(std::vector<std::string>& fields) {
  fields.clear();
  int c = in_.get();
  if (c == std::char_traits<char>::eof()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field just closed
  for (;; c = in_.get()) {
    if (c == std::char_traits<char>::eof()) {
      if (quoted) throw CsvError(record_line_, "unterminated quoted field");
      fields.push_back(restored(std::move(field)));
      return true;
    }
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          in_.get();
          field += '"';
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
      continue;
    }
    if (ch == ',') {
      fields.push_back(restored(std::move(field)));
      field.clear();
      after_quote = false;
    } else if (ch == '\r' && in_.peek() == '\n') {
      continue;
    } else if (ch == '\n') {
      ++line_;
      fields.push_back(restored(std::move(field)));
      return true;
    } else if (after_quote) {
      throw CsvError(record_line_, "text after a closing quote");
    } else if (ch == '"' && field.empty()) {
      quoted = true;
    } else {
      field += ch;
    }
  }
}

void write_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    std::string field = fields[i];
    if (formula_like(field)) field.insert(field.begin(), '\'');
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out << field;
      continue;
    }
    out << '"';
    for (char ch : field) {
      if (ch == '"') out << '"';
      out << ch;
    }
    out << '"';
  }
  out << "\r\n";
}

}  // namespace anpr::csv
