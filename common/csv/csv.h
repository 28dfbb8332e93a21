// RFC 4180 CSV, the exchange format of watchlists (import/export by agencies'
// spreadsheets), plate-history exports and the ground-truth files of the
// recognition data sets. Quoted fields may hold commas, quotes ("") and line
// breaks; errors name the record's line number.
#pragma once

#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace anpr::csv {

class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& problem);
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in) {}

  // Reads the next record into `fields`; false at end of input. Throws
  // CsvError for an unterminated quote or text after a closing quote. The
  // quote-apostrophe write_record puts before a formula-like field is taken
  // off again, so what this module writes reads back unchanged.
  bool next(std::vector<std::string>& fields);

  // Line number (1-based) where the last record returned began.
  std::size_t line() const { return record_line_; }

 private:
  std::istream& in_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
};

// Writes one record, quoting only the fields that need it, ending in "\r\n"
// as RFC 4180 asks (every spreadsheet reads it). Fields that begin with
// = + - @ are prefixed with a quote-apostrophe so a spreadsheet opening an
// export never evaluates a plate string as a formula.
void write_record(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace anpr::csv
