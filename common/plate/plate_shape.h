// The small pattern language the plate catalogue is written in. One pattern
// says both which normalised texts a format accepts and where the country's
// separators go when the plate is shown, so the catalogue reads like the
// plates themselves and matching and display cannot disagree.
//
//   L        a letter from the format's letter set
//   D        a digit 0-9          N   a digit 1-9 (no leading zero)
//   A        a letter from the set, or a digit
//   [XYZ]    one of the listed characters (A-Z, 0-9)
//   {n} {m,n} after a class: exactly n, or m to n, of it (default: one)
//   ' ' '-' '.'  a display separator before the next class; never matched,
//                because normalised text has none
//
// Example: Latvia "L{2}-ND{0,3}" accepts "AB1234" and shows it as "AB-1234".
// A hand-written matcher instead of std::regex: the patterns need letter sets
// per country and group boundaries for display, both awkward in regex, and
// this one has no per-call allocation beyond the result.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anpr::plate {

// The part of a matched text that one class of the pattern took, and the
// separator the pattern puts before it.
struct ShapeSegment {
  std::string_view separator;
  std::string_view text;
};

class Shape {
 public:
  // Compiles `pattern` with L standing for `letters`. Throws PlateError
  // quoting the pattern and the position of the first mistake.
  Shape(std::string_view pattern, std::string_view letters);

  const std::string& pattern() const { return pattern_; }

  // One segment per class of the pattern when `text` fits it, else nullopt.
  // Variable-length classes take as many characters as they can while the
  // rest still fits, which fixes the split when more than one would fit.
  std::optional<std::vector<ShapeSegment>> match(std::string_view text) const;

 private:
  struct Group {
    std::array<bool, 256> allowed{};
    std::size_t min = 1;
    std::size_t max = 1;
    std::string separator;
  };

  bool match_from(std::size_t group, std::size_t pos, std::string_view text, std::vector<std::size_t>& ends) const;

  std::string pattern_;
  std::vector<Group> groups_;
};

}  // namespace anpr::plate
