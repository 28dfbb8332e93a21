// Configuration diff for SIGHUP; see config_reload.h.
#include "edge/daemon/config_reload.h"

#include <regex>
#include <set>

namespace anpr::daemon {

namespace {

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

bool absent(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

void diff(const YAML::Node& a, const YAML::Node& b, const std::string& path, std::vector<std::string>& out) {
  const bool a_absent = absent(a);
  const bool b_absent = absent(b);
  if (a_absent && b_absent) return;
  if (a_absent || b_absent) {
    const YAML::Node empty_map(YAML::NodeType::Map);
    if ((a_absent ? b : a).IsMap()) {
      diff(a_absent ? empty_map : a, b_absent ? empty_map : b, path, out);
    } else {
      out.push_back(path);
    }
    return;
  }
  if (a.Type() != b.Type()) {
    out.push_back(path);
    return;
  }
  if (a.IsMap()) {
    std::set<std::string> keys;
    for (const auto& entry : a) keys.insert(entry.first.as<std::string>());
    for (const auto& entry : b) keys.insert(entry.first.as<std::string>());
    for (const auto& key : keys) diff(a[key], b[key], join(path, key), out);
  } else if (a.IsSequence()) {
    if (a.size() != b.size()) {
      out.push_back(path);
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i) diff(a[i], b[i], path + "[" + std::to_string(i) + "]", out);
  } else if (a.Scalar() != b.Scalar()) {
    out.push_back(path);
  }
}

}  // namespace

std::vector<std::string> changed_keys(const YAML::Node& before, const YAML::Node& after) {
  std::vector<std::string> out;
  diff(before, after, "", out);
  return out;
}

bool reloadable(const std::string& path) {
  static const std::regex pattern(R"(log\.level|cameras\[\d+\]\.(max_fps|motion)([.\[].*)?)");
  return std::regex_match(path, pattern);
}

ReloadPlan plan_reload(const YAML::Node& running, const YAML::Node& previous, const YAML::Node& fresh) {
  ReloadPlan plan;
  for (auto& path : changed_keys(previous, fresh)) {
    if (reloadable(path)) plan.applied.push_back(std::move(path));
  }
  for (auto& path : changed_keys(running, fresh)) {
    if (!reloadable(path)) plan.needs_restart.push_back(std::move(path));
  }
  return plan;
}

}  // namespace anpr::daemon
