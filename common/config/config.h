// Configuration files of the daemons: YAML loaded once at start-up, read through
// typed accessors that apply defaults and validate, so that every daemon reports
// a bad file the same way: the file, the key and what is wrong with it.
//
// A Section remembers which keys the daemon asked for; Document::check_unknown()
// then reports any key nobody read, which is how a typo ("wokers: 4") is caught
// instead of silently falling back to a default.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace anpr::config {

// Thrown for any problem with a configuration file. what() reads
// "<file>: <key>: <problem>" so an operator can fix it without reading code.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, std::string key, std::string problem);

  const std::string& file() const { return file_; }
  const std::string& key() const { return key_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string key_;
  std::string problem_;
};

namespace detail {
// Shared by every Section of one Document: the file name and the keys read.
struct Origin {
  std::string file;
  std::set<std::string> read_keys;
};
}  // namespace detail

// A mapping in the file (the root or a nested one). Keys are addressed by
// their name inside this section; errors and unknown-key reports use the full
// dotted path ("cameras[0].url").
class Section {
 public:
  Section(YAML::Node node, std::string path, std::shared_ptr<detail::Origin> origin);

  bool has(std::string_view key) const;

  // Value of `key`, or `fallback` when the key is absent. T is one of bool,
  // int, int64_t, double, std::string, std::vector<std::string>.
  template <typename T>
  T get(std::string_view key, const T& fallback) const;

  // Value of `key`; absent is an error.
  template <typename T>
  T require(std::string_view key) const;

  // Numeric value checked against [min, max].
  int64_t get_int(std::string_view key, int64_t fallback, int64_t min, int64_t max) const;
  double get_double(std::string_view key, double fallback, double min, double max) const;

  // A string that must be one of `allowed`.
  std::string get_choice(std::string_view key, const std::string& fallback,
                         const std::vector<std::string>& allowed) const;

  // Durations are written with a unit: "250ms", "5s", "2m", "1h".
  std::chrono::milliseconds get_duration(std::string_view key, std::chrono::milliseconds fallback) const;

  // Sizes are written with a unit: "512B", "64KiB", "256MiB", "2GiB" (also KB/MB/GB as powers of 1000).
  uint64_t get_bytes(std::string_view key, uint64_t fallback) const;

  // A nested mapping; an absent key gives an empty section (all defaults).
  Section section(std::string_view key) const;

  // A list of mappings, e.g. the cameras of an edge box.
  std::vector<Section> sections(std::string_view key) const;

  // Marks the whole subtree under `key` as read, for free-form maps the
  // caller walks itself through node().
  YAML::Node node(std::string_view key) const;

  // The error a caller raises after its own check of `key` fails.
  [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

  const std::string& path() const { return path_; }

 private:
  std::string key_path(std::string_view key) const;
  YAML::Node lookup(std::string_view key) const;
  template <typename T>
  T convert(const YAML::Node& value, std::string_view key) const;

  YAML::Node node_;
  std::string path_;
  std::shared_ptr<detail::Origin> origin_;
};

class Document {
 public:
  // Parses `path`. A missing or unreadable file, or invalid YAML (with its
  // line and column), is a ConfigError. An empty file is an empty mapping.
  static Document load(const std::string& path);
  static Document parse(const std::string& text, const std::string& name);

  Section root() const;

  // Throws for the first key present in the file that no accessor read.
  void check_unknown() const;

  const std::string& file() const { return origin_->file; }

 private:
  Document(YAML::Node node, std::shared_ptr<detail::Origin> origin);

  YAML::Node node_;
  std::shared_ptr<detail::Origin> origin_;
};

// Parsers behind get_duration/get_bytes, exposed for command-line flags that
// take the same notation. They return nullopt for text they cannot read.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);
std::optional<uint64_t> parse_bytes(std::string_view text);

}  // namespace anpr::config
