// What a SIGHUP can change without a restart, decided by comparing the
// configuration files rather than by knowing each option: the log level, a
// camera's frame-rate cap and its motion gate settings (thresholds, ROI,
// keepalive) take effect at once; anything else (ids, keys, the spool,
// workers, cameras added or removed...) needs a restart and is logged as
// such, key by key, so an operator is never left guessing whether an edit
// is live.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace anpr::daemon {

// Dotted paths ("cameras[0].motion.pixel_threshold") of the values that
// differ between `before` and `after`. A key present on one side only is
// reported under its own path, except a mapping, which is compared with an
// empty one so a newly written "log: {level: debug}" shows as "log.level".
// Lists of different lengths are reported as a whole.
std::vector<std::string> changed_keys(const YAML::Node& before, const YAML::Node& after);

// Whether a change to `path` is applied by a reload.
bool reloadable(const std::string& path);

struct ReloadPlan {
  std::vector<std::string> applied;        // changed since the previous load, applied now
  std::vector<std::string> needs_restart;  // differ from what the daemon started with
};

// `running`: the file the daemon started with; `previous`: the one loaded
// last (start or reload); `fresh`: the one just loaded.
ReloadPlan plan_reload(const YAML::Node& running, const YAML::Node& previous, const YAML::Node& fresh);

}  // namespace anpr::daemon
