// Printing rows for a person (aligned columns) or for a program (CSV). Values
// come from the database and the network, where an imported reason or a
// published plate may hold control characters; in the aligned form they are
// shown as '?', so printed data can never drive the operator's terminal.
// The CSV form keeps values exact (common/csv quotes what it must).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace anpr::cli {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as the header
};

// Header and rows in columns two spaces apart, widths counted in UTF-8
// characters.
void write_aligned(std::ostream& out, const Table& table);

void write_csv(std::ostream& out, const Table& table);

// write_csv when `csv` is set (a command's --csv), write_aligned otherwise.
void write_table(std::ostream& out, const Table& table, bool csv);

// `text` with every C0 control character and DEL replaced by '?'.
std::string printable(std::string_view text);

}  // namespace anpr::cli
