// Aligned and CSV output; see table.h.
#include "central/cli/table.h"

#include <algorithm>

#include "common/csv/csv.h"

namespace anpr::cli {

namespace {

// Characters, not bytes: continuation bytes (10xxxxxx) do not count.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = '?';
  }
  return out;
}

void write_aligned(std::ostream& out, const Table& table) {
  std::vector<std::vector<std::string>> lines;
  lines.push_back(table.header);
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (const auto& value : row) line.push_back(printable(value));
    lines.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(table.header.size(), 0);
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(line[i]));
    }
  }
  for (const auto& line : lines) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text.append(widths[i] - display_width(line[i]) + 2, ' ');
    }
    out << text << '\n';
  }
}

void write_csv(std::ostream& out, const Table& table) {
  csv::write_record(out, table.header);
  for (const auto& row : table.rows) csv::write_record(out, row);
}

void write_table(std::ostream& out, const Table& table, bool csv) {
  if (csv) {
    write_csv(out, table);
  } else {
    write_aligned(out, table);
  }
}

}  // namespace anpr::cli
