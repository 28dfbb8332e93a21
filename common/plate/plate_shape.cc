// Compiler and backtracking matcher for plate shapes; see plate_shape.h.
// Plates have at most a dozen characters and half a dozen classes, so plain
// backtracking stays within a few dozen steps.
#include "common/plate/plate_shape.h"

#include <algorithm>
#include <cmath>

#include "common/plate/plate_error.h"

namespace anpr::plate {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kSeparators = " -.";

bool is_plate_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

class PatternReader {
 public:
  explicit PatternReader(std::string_view pattern) : pattern_(pattern) {}

  bool done() const { return pos_ == pattern_.size(); }
  char peek() const { return pattern_[pos_]; }
  char take() { return pattern_[pos_++]; }

  [[noreturn]] void fail(const std::string& what) const {
    throw PlateError("plate shape '" + std::string(pattern_) + "' at position " + std::to_string(pos_) + ": " +
                     what);
  }

  std::size_t take_number() {
    if (done() || peek() < '0' || peek() > '9') fail("expected a number");
    std::size_t n = 0;
    while (!done() && peek() >= '0' && peek() <= '9') n = n * 10 + static_cast<std::size_t>(take() - '0');
    return n;
  }

 private:
  std::string_view pattern_;
  std::size_t pos_ = 0;
};

std::string class_chars(PatternReader& reader, std::string_view letters) {
  const char c = reader.take();
  switch (c) {
    case 'L': return std::string(letters);
    case 'D': return std::string(kDigits);
    case 'N': return std::string(kDigits.substr(1));
    case 'A': return std::string(letters) + std::string(kDigits);
    case '[': {
      std::string chars;
      while (!reader.done() && reader.peek() != ']') {
        if (!is_plate_char(reader.peek())) reader.fail("only A-Z and 0-9 may be listed in [...]");
        chars += reader.take();
      }
      if (reader.done()) reader.fail("missing ']'");
      reader.take();
      if (chars.empty()) reader.fail("empty [...]");
      return chars;
    }
    default: reader.fail(std::string("unknown class '") + c + "'");
  }
}

// The words of a code list, longest first so that a code is tried before
// any shorter code it starts with ("BA" before "B").
std::vector<std::string> split_codes(const PatternReader& reader, std::string_view codes) {
  if (codes.empty()) return {};
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(codes) + " ") {
    if (c != ' ') {
      if (!is_plate_char(c)) reader.fail("code list '" + std::string(codes) + "' holds '" + c + "'");
      word += c;
      continue;
    }
    if (word.empty()) reader.fail("code list '" + std::string(codes) + "' has an empty code");
    words.push_back(std::move(word));
    word.clear();
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return words;
}

}  // namespace

Shape::Shape(std::string_view pattern, std::string_view letters) : Shape(pattern, letters, {}) {}

Shape::Shape(std::string_view pattern, std::string_view letters, std::string_view codes) : pattern_(pattern) {
  PatternReader reader(pattern);
  for (const char c : letters) {
    if (c < 'A' || c > 'Z') reader.fail(std::string("letter set '") + std::string(letters) + "' holds a non-letter");
  }
  const std::vector<std::string> code_list = split_codes(reader, codes);
  std::string separator;
  while (!reader.done()) {
    if (kSeparators.find(reader.peek()) != std::string_view::npos) {
      if (groups_.empty()) reader.fail("separator before the first class");
      separator += reader.take();
      continue;
    }
    Group group;
    if (reader.peek() == 'C') {
      reader.take();
      if (code_list.empty()) reader.fail("C used but the format lists no codes");
      group.codes = code_list;
      if (!reader.done() && reader.peek() == '{') reader.fail("C takes no repeat");
    } else {
      for (const char c : class_chars(reader, letters)) group.allowed[static_cast<unsigned char>(c)] = true;
      if (!reader.done() && reader.peek() == '{') {
        reader.take();
        group.min = group.max = reader.take_number();
        if (!reader.done() && reader.peek() == ',') {
          reader.take();
          group.max = reader.take_number();
        }
        if (reader.done() || reader.take() != '}') reader.fail("expected '}'");
        if (group.max == 0 || group.min > group.max) reader.fail("repeat range must satisfy min <= max, max >= 1");
      }
    }
    group.separator = std::move(separator);
    separator.clear();
    groups_.push_back(std::move(group));
  }
  if (groups_.empty()) reader.fail("no character class");
  if (!separator.empty()) reader.fail("separator after the last class");
}

std::optional<std::vector<ShapeSegment>> Shape::match(std::string_view text) const {
  std::vector<std::size_t> ends(groups_.size());
  if (!match_from(0, 0, text, ends)) return std::nullopt;
  std::vector<ShapeSegment> segments;
  segments.reserve(groups_.size());
  std::size_t begin = 0;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    segments.push_back({groups_[g].separator, text.substr(begin, ends[g] - begin)});
    begin = ends[g];
  }
  return segments;
}

bool Shape::match_from(std::size_t g, std::size_t pos, std::string_view text, std::vector<std::size_t>& ends) const {
  if (g == groups_.size()) return pos == text.size();
  const Group& group = groups_[g];
  if (!group.codes.empty()) {
    for (const std::string& code : group.codes) {
      if (text.substr(pos, code.size()) != code) continue;
      ends[g] = pos + code.size();
      if (match_from(g + 1, pos + code.size(), text, ends)) return true;
    }
    return false;
  }
  std::size_t run = 0;
  while (run < group.max && pos + run < text.size() &&
         group.allowed[static_cast<unsigned char>(text[pos + run])]) {
    ++run;
  }
  for (std::size_t n = run; n >= group.min && n > 0; --n) {
    ends[g] = pos + n;
    if (match_from(g + 1, pos + n, text, ends)) return true;
  }
  if (group.min == 0) {
    ends[g] = pos;
    return match_from(g + 1, pos, text, ends);
  }
  return false;
}

std::size_t Shape::longest() const {
  std::size_t total = 0;
  for (const Group& group : groups_) total += group.codes.empty() ? group.max : group.codes.front().size();
  return total;
}

double Shape::count(std::size_t length) const {
  if (length > longest()) return 0.0;
  // ways[p]: the splits of the groups so far that fill exactly p characters.
  std::vector<double> ways(length + 1, 0.0);
  ways[0] = 1.0;
  for (const Group& group : groups_) {
    std::vector<double> next(length + 1, 0.0);
    const auto size = static_cast<double>(std::count(group.allowed.begin(), group.allowed.end(), true));
    for (std::size_t p = 0; p <= length; ++p) {
      if (ways[p] == 0.0) continue;
      if (!group.codes.empty()) {
        for (const std::string& code : group.codes) {
          if (p + code.size() <= length) next[p + code.size()] += ways[p];
        }
        continue;
      }
      double choices = std::pow(size, static_cast<double>(group.min));
      for (std::size_t n = group.min; n <= group.max && p + n <= length; ++n, choices *= size) {
        next[p + n] += ways[p] * choices;
      }
    }
    ways.swap(next);
  }
  return ways[length];
}

}  // namespace anpr::plate
