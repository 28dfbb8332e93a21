// Typed, validated access to a daemon's YAML configuration; see config.h.
#include "config.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace anpr::config {

ConfigError::ConfigError(std::string file, std::string key, std::string problem)
    : std::runtime_error(file + ": " + (key.empty() ? std::string() : key + ": ") + problem),
      file_(std::move(file)),
      key_(std::move(key)),
      problem_(std::move(problem)) {}

namespace {

// Keys read as opaque subtrees (Section::node) are not checked below.
constexpr std::string_view kOpaqueMark = "\x01";

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string describe(const YAML::Node& value) {
  if (value.IsScalar()) return "'" + value.Scalar() + "'";
  if (value.IsSequence()) return "a list";
  if (value.IsMap()) return "a mapping";
  return "nothing";
}

template <typename T>
const char* type_name() {
  if constexpr (std::is_same_v<T, bool>) return "true or false";
  else if constexpr (std::is_integral_v<T>) return "an integer";
  else if constexpr (std::is_floating_point_v<T>) return "a number";
  else if constexpr (std::is_same_v<T, std::string>) return "a string";
  else return "a list of strings";
}

}  // namespace

Section::Section(YAML::Node node, std::string path, std::shared_ptr<detail::Origin> origin)
    : node_(std::move(node)), path_(std::move(path)), origin_(std::move(origin)) {}

std::string Section::key_path(std::string_view key) const { return join_path(path_, key); }

YAML::Node Section::lookup(std::string_view key) const {
  origin_->read_keys.insert(key_path(key));
  if (!node_.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node& self = node_;
  return self[std::string(key)];
}

bool Section::has(std::string_view key) const {
  if (!node_.IsMap()) return false;
  const YAML::Node& self = node_;
  YAML::Node value = self[std::string(key)];
  return value.IsDefined() && !value.IsNull();
}

void Section::fail(std::string_view key, const std::string& problem) const {
  throw ConfigError(origin_->file, key_path(key), problem);
}

template <typename T>
T Section::convert(const YAML::Node& value, std::string_view key) const {
  if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    if (!value.IsSequence()) fail(key, std::string("expected ") + type_name<T>() + ", got " + describe(value));
    std::vector<std::string> out;
    for (const auto& item : value) {
      if (!item.IsScalar()) fail(key, "every item must be a string, got " + describe(item));
      out.push_back(item.Scalar());
    }
    return out;
  } else {
    if (!value.IsScalar()) fail(key, std::string("expected ") + type_name<T>() + ", got " + describe(value));
    if constexpr (std::is_same_v<T, std::string>) {
      return value.Scalar();
    } else {
      // yaml-cpp accepts "1.5" for int by truncation in some versions and
      // "yes" for bool; a config is clearer if only the plain forms count.
      const std::string& text = value.Scalar();
      if constexpr (std::is_same_v<T, bool>) {
        if (text == "true") return true;
        if (text == "false") return false;
      } else if constexpr (std::is_integral_v<T>) {
        T out{};
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec == std::errc() && end == text.data() + text.size()) return out;
      } else {
        T out{};
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec == std::errc() && end == text.data() + text.size() && std::isfinite(out)) return out;
      }
      fail(key, std::string("expected ") + type_name<T>() + ", got " + describe(value));
    }
  }
}

template <typename T>
T Section::get(std::string_view key, const T& fallback) const {
  YAML::Node value = lookup(key);
  if (!value.IsDefined() || value.IsNull()) return fallback;
  return convert<T>(value, key);
}

template <typename T>
T Section::require(std::string_view key) const {
  YAML::Node value = lookup(key);
  if (!value.IsDefined() || value.IsNull()) fail(key, "is required but missing");
  return convert<T>(value, key);
}

#define ANPR_CONFIG_INSTANTIATE(T)                                       \
  template T Section::get<T>(std::string_view, const T&) const;          \
  template T Section::require<T>(std::string_view) const;
ANPR_CONFIG_INSTANTIATE(bool)
ANPR_CONFIG_INSTANTIATE(int)
ANPR_CONFIG_INSTANTIATE(int64_t)
ANPR_CONFIG_INSTANTIATE(double)
ANPR_CONFIG_INSTANTIATE(std::string)
ANPR_CONFIG_INSTANTIATE(std::vector<std::string>)
#undef ANPR_CONFIG_INSTANTIATE

int64_t Section::get_int(std::string_view key, int64_t fallback, int64_t min, int64_t max) const {
  int64_t value = get<int64_t>(key, fallback);
  if (value < min || value > max) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                  std::to_string(value));
  }
  return value;
}

double Section::get_double(std::string_view key, double fallback, double min, double max) const {
  double value = get<double>(key, fallback);
  if (value < min || value > max) {
    std::ostringstream msg;
    msg << "must be between " << min << " and " << max << ", got " << value;
    fail(key, msg.str());
  }
  return value;
}

std::string Section::get_choice(std::string_view key, const std::string& fallback,
                                const std::vector<std::string>& allowed) const {
  std::string value = get<std::string>(key, fallback);
  for (const auto& choice : allowed) {
    if (value == choice) return value;
  }
  std::string list;
  for (const auto& choice : allowed) list += (list.empty() ? "" : ", ") + choice;
  fail(key, "must be one of " + list + ", got '" + value + "'");
}

std::chrono::milliseconds Section::get_duration(std::string_view key, std::chrono::milliseconds fallback) const {
  YAML::Node value = lookup(key);
  if (!value.IsDefined() || value.IsNull()) return fallback;
  std::string text = convert<std::string>(value, key);
  auto parsed = parse_duration(text);
  if (!parsed) fail(key, "expected a duration with a unit (250ms, 5s, 2m, 1h), got '" + text + "'");
  return *parsed;
}

uint64_t Section::get_bytes(std::string_view key, uint64_t fallback) const {
  YAML::Node value = lookup(key);
  if (!value.IsDefined() || value.IsNull()) return fallback;
  std::string text = convert<std::string>(value, key);
  auto parsed = parse_bytes(text);
  if (!parsed) fail(key, "expected a size with a unit (64KiB, 256MiB, 2GiB), got '" + text + "'");
  return *parsed;
}

Section Section::section(std::string_view key) const {
  YAML::Node value = lookup(key);
  if (!value.IsDefined() || value.IsNull()) return Section(YAML::Node(YAML::NodeType::Map), key_path(key), origin_);
  if (!value.IsMap()) fail(key, "expected a mapping, got " + describe(value));
  return Section(value, key_path(key), origin_);
}

std::vector<Section> Section::sections(std::string_view key) const {
  YAML::Node value = lookup(key);
  std::vector<Section> out;
  if (!value.IsDefined() || value.IsNull()) return out;
  if (!value.IsSequence()) fail(key, "expected a list, got " + describe(value));
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string item_path = key_path(key) + "[" + std::to_string(i) + "]";
    if (!value[i].IsMap()) throw ConfigError(origin_->file, item_path, "expected a mapping, got " + describe(value[i]));
    origin_->read_keys.insert(item_path);
    out.emplace_back(value[i], item_path, origin_);
  }
  return out;
}

YAML::Node Section::node(std::string_view key) const {
  origin_->read_keys.insert(std::string(kOpaqueMark) + key_path(key));
  return lookup(key);
}

Document::Document(YAML::Node node, std::shared_ptr<detail::Origin> origin)
    : node_(std::move(node)), origin_(std::move(origin)) {}

Document Document::parse(const std::string& text, const std::string& name) {
  auto origin = std::make_shared<detail::Origin>();
  origin->file = name;
  YAML::Node node;
  try {
    node = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(name, "", "invalid YAML at line " + std::to_string(e.mark.line + 1) + ", column " +
                                    std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  if (node.IsNull() || !node.IsDefined()) node = YAML::Node(YAML::NodeType::Map);
  if (!node.IsMap()) throw ConfigError(name, "", "the top level must be a mapping of keys to values");
  return Document(node, origin);
}

Document Document::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(path, "", "cannot open the file");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path, "", "cannot read the file");
  return parse(text.str(), path);
}

Section Document::root() const { return Section(node_, "", origin_); }

namespace {

void check_node(const YAML::Node& node, const std::string& path, const detail::Origin& origin) {
  if (origin.read_keys.count(std::string(kOpaqueMark) + path)) return;
  if (node.IsMap()) {
    for (const auto& entry : node) {
      std::string child = join_path(path, entry.first.Scalar());
      if (!origin.read_keys.count(child)) throw ConfigError(origin.file, child, "unknown key");
      check_node(entry.second, child, origin);
    }
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      std::string child = path + "[" + std::to_string(i) + "]";
      if (origin.read_keys.count(child)) check_node(node[i], child, origin);
    }
  }
}

}  // namespace

void Document::check_unknown() const { check_node(node_, "", *origin_); }

namespace {

// Splits "250ms" into 250 and "ms"; false for a missing or negative number.
bool split_number_unit(std::string_view text, double& number, std::string& unit) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + i, number);
  if (ec != std::errc() || end != text.data() + i) return false;
  std::size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  unit = std::string(text.substr(j));
  return true;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  double number = 0;
  std::string unit;
  if (!split_number_unit(text, number, unit)) return std::nullopt;
  double ms_per_unit = 0;
  if (unit == "ms") ms_per_unit = 1;
  else if (unit == "s") ms_per_unit = 1000;
  else if (unit == "m" || unit == "min") ms_per_unit = 60'000;
  else if (unit == "h") ms_per_unit = 3'600'000;
  else if (unit == "d") ms_per_unit = 86'400'000;
  else return std::nullopt;
  return std::chrono::milliseconds(static_cast<int64_t>(std::llround(number * ms_per_unit)));
}

std::optional<uint64_t> parse_bytes(std::string_view text) {
  double number = 0;
  std::string unit;
  if (!split_number_unit(text, number, unit)) return std::nullopt;
  double factor = 0;
  if (unit == "B") factor = 1;
  else if (unit == "KiB") factor = 1024.0;
  else if (unit == "MiB") factor = 1024.0 * 1024;
  else if (unit == "GiB") factor = 1024.0 * 1024 * 1024;
  else if (unit == "KB") factor = 1e3;
  else if (unit == "MB") factor = 1e6;
  else if (unit == "GB") factor = 1e9;
  else return std::nullopt;
  return static_cast<uint64_t>(std::llround(number * factor));
}

}  // namespace anpr::config
