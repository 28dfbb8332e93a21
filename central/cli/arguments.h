// Splitting a command line into options and positional arguments, against the
// options a command declares. Unknown, repeated and value-less options are
// usage errors here, once, so commands only read what they declared.
//
// Accepted spellings: "--name value", "--name=value", "--flag"; "--" ends the
// options, so a positional argument may itself start with "--".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anpr::cli {

struct OptionSpec {
  std::string name;  // without the leading "--"
  bool takes_value = true;
};

class Arguments {
 public:
  // Throws UsageError naming the offending option.
  Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& options);

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  // Throws UsageError when the option was not given (or given empty), with
  // `why` appended to the message when it is not empty.
  std::string required(std::string_view name, std::string_view why = {}) const;
  // A whole number in [min, max], `fallback` when absent; UsageError otherwise.
  int64_t integer(std::string_view name, int64_t min, int64_t max, int64_t fallback) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> values_;  // flags map to ""
};

// Parses `text` as a whole number in [min, max]; `what` names it in the
// UsageError ("--limit", "entry id").
int64_t parse_integer(const std::string& text, int64_t min, int64_t max, std::string_view what);

}  // namespace anpr::cli
