// Compiler and backtracking matcher for plate shapes; see plate_shape.h.
// Plates have at most a dozen characters and half a dozen classes, so plain
// backtracking stays within a few dozen steps.
#include "common/plate/plate_shape.h"

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

}  // namespace

Shape::Shape(std::string_view pattern, std::string_view letters) : pattern_(pattern) {
  PatternReader reader(pattern);
  for (const char c : letters) {
    if (c < 'A' || c > 'Z') reader.fail(std::string("letter set '") + std::string(letters) + "' holds a non-letter");
  }
  std::string separator;
  while (!reader.done()) {
    if (kSeparators.find(reader.peek()) != std::string_view::npos) {
      if (groups_.empty()) reader.fail("separator before the first class");
      separator += reader.take();
      continue;
    }
    Group group;
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

}  // namespace anpr::plate
