// The small pattern language the plate catalogue is written in. One pattern
// says both which normalised texts a format accepts and where the country's
// separators go when the plate is shown, so the catalogue reads like the
// plates themselves and matching and display cannot disagree.
//
//   L        a letter from the format's letter set
//   D        a digit 0-9          N   a digit 1-9 (no leading zero)
//   A        a letter from the set, or a digit
//   [XYZ]    one of the listed characters (A-Z, 0-9)
//   C        one of the format's area codes, whole (Romanian counties,
//            Croatian cities: a list no per-position class can state)
//   {n} {m,n} after a class other than C: exactly n, or m to n, of it
//            (default: one)
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

  // As above, with C standing for one of `codes`: words of A-Z and 0-9
  // separated by single spaces, e.g. "AB AG AR".
  Shape(std::string_view pattern, std::string_view letters, std::string_view codes);

  const std::string& pattern() const { return pattern_; }

  // One segment per class of the pattern when `text` fits it, else nullopt.
  // Variable-length classes (and codes) take as many characters as they can
  // while the rest still fits, which fixes the split when more than one
  // would fit.
  std::optional<std::vector<ShapeSegment>> match(std::string_view text) const;

  // The most characters a fitting text can have.
  std::size_t longest() const;

  // How many texts of `length` characters fit, counted once per way of
  // splitting them among the classes: exact when every fitting text splits
  // only one way, an upper bound otherwise. A double, because the counts
  // of long loose shapes pass 2^64.
  double count(std::size_t length) const;

 private:
  struct Group {
    std::array<bool, 256> allowed{};
    std::size_t min = 1;
    std::size_t max = 1;
    std::vector<std::string> codes;  // non-empty for C: the group is one of them
    std::string separator;
  };

  bool match_from(std::size_t group, std::size_t pos, std::string_view text, std::vector<std::size_t>& ends) const;

  std::string pattern_;
  std::vector<Group> groups_;
};

}  // namespace anpr::plate
