// Command-line splitting; see arguments.h.
#include "central/cli/arguments.h"

#include <algorithm>
#include <charconv>

#include "central/cli/cli_errors.h"

namespace anpr::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& options) {
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    auto spec = std::find_if(options.begin(), options.end(), [&](const OptionSpec& o) { return o.name == name; });
    if (spec == options.end()) throw UsageError("unknown option --" + name);
    if (values_.count(name) != 0) throw UsageError("option --" + name + " given twice");
    if (!spec->takes_value) {
      if (equals != std::string::npos) throw UsageError("option --" + name + " takes no value");
      values_[name] = "";
    } else if (equals != std::string::npos) {
      values_[name] = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      values_[name] = args[++i];
    } else {
      throw UsageError("option --" + name + " needs a value");
    }
  }
}

bool Arguments::flag(std::string_view name) const { return values_.find(name) != values_.end(); }

std::optional<std::string> Arguments::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Arguments::required(std::string_view name, std::string_view why) const {
  std::optional<std::string> v = value(name);
  if (!v || v->empty()) {
    std::string message = "--" + std::string(name) + " is required";
    if (!why.empty()) message += ": " + std::string(why);
    throw UsageError(message);
  }
  return *v;
}

int64_t Arguments::integer(std::string_view name, int64_t min, int64_t max, int64_t fallback) const {
  std::optional<std::string> v = value(name);
  return v ? parse_integer(*v, min, max, "--" + std::string(name)) : fallback;
}

int64_t parse_integer(const std::string& text, int64_t min, int64_t max, std::string_view what) {
  int64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || number < min || number > max) {
    throw UsageError(std::string(what) + " must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + text + "'");
  }
  return number;
}

}  // namespace anpr::cli
