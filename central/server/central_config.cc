// Reading central.yaml; see central_config.h.
#include "central/server/central_config.h"

#include <chrono>

#include "anpr/wire.h"
#include "central/correlate/config_fields.h"
#include "common/config/config.h"
#include "common/transport/curve_keys.h"
#include "common/transport/transport_error.h"

namespace anpr::central {

namespace {

using std::chrono::milliseconds;

const std::vector<std::string> kPriorities{"low", "medium", "high", "critical"};

v1::AlertPriority priority_of(const std::string& name) {
  for (std::size_t i = 0; i < kPriorities.size(); ++i) {
    if (kPriorities[i] == name) return static_cast<v1::AlertPriority>(i + 1);
  }
  return v1::ALERT_PRIORITY_UNSPECIFIED;
}

milliseconds positive_duration(const config::Section& s, std::string_view key, milliseconds fallback) {
  milliseconds value = s.get_duration(key, fallback);
  if (value.count() <= 0) s.fail(key, "must be longer than 0");
  return value;
}

// A list of {<name_key>: ..., public_key: ...} mappings.
std::vector<ListedKey> listed_keys(const config::Section& parent, std::string_view key, std::string_view name_key) {
  std::vector<ListedKey> out;
  for (const config::Section& item : parent.sections(key)) {
    ListedKey listed;
    listed.name = correlate::require_code(item, name_key);
    listed.public_key = item.require<std::string>("public_key");
    try {
      transport::check_z85_key(listed.public_key, "public key");
    } catch (const transport::TransportError& e) {
      item.fail("public_key", e.what());
    }
    out.push_back(std::move(listed));
  }
  return out;
}

alerts::FindingAlert finding_alert(const config::Section& parent, std::string_view key, alerts::FindingAlert fallback) {
  config::Section s = parent.section(key);
  alerts::FindingAlert out;
  out.agency = s.get<std::string>("agency", fallback.agency);
  if (!out.agency.empty() && !correlate::is_code(out.agency)) {
    s.fail("agency", "must use only a-z, 0-9 and '-' (or be empty for no alert), got '" + out.agency + "'");
  }
  out.priority = priority_of(
      s.get_choice("priority", std::string(alerts::priority_name(fallback.priority)), kPriorities));
  return out;
}

CentralConfig read(const config::Document& doc) {
  const config::Section root = doc.root();
  CentralConfig c;
  c.file = doc.file();

  const config::Section db = root.section("database");
  c.conninfo = db.require<std::string>("conninfo");
  c.reconnect_min = positive_duration(db, "reconnect_min", c.reconnect_min);
  c.reconnect_max = positive_duration(db, "reconnect_max", c.reconnect_max);
  if (c.reconnect_max < c.reconnect_min) db.fail("reconnect_max", "must not be shorter than reconnect_min");

  const config::Section listen = root.section("listen");
  c.listen_endpoint = listen.get<std::string>("endpoint", c.listen_endpoint);
  c.secret_key_file = listen.require<std::string>("secret_key_file");
  c.max_message_bytes = listen.get_bytes("max_message_bytes", proto::kMaxMessageBytes);
  if (c.max_message_bytes < 1024 || c.max_message_bytes > proto::kMaxMessageBytes) {
    listen.fail("max_message_bytes", "must be between 1KiB and the protocol's " +
                                         std::to_string(proto::kMaxMessageBytes) + " bytes");
  }
  c.link_heartbeat_interval = positive_duration(listen, "heartbeat_interval", c.link_heartbeat_interval);
  c.link_heartbeat_timeout = positive_duration(listen, "heartbeat_timeout", c.link_heartbeat_timeout);
  if (c.link_heartbeat_timeout <= c.link_heartbeat_interval) {
    listen.fail("heartbeat_timeout", "must be longer than heartbeat_interval");
  }

  const config::Section edges = root.section("edges");
  c.edge_keys = listed_keys(edges, "keys", "edge_id");
  c.edge_keys_refresh = positive_duration(edges, "refresh", c.edge_keys_refresh);
  c.edge_stale_after = positive_duration(edges, "stale_after", c.edge_stale_after);

  const config::Section batch = root.section("batch");
  c.batch.max_sightings = static_cast<std::size_t>(batch.get_int("max_sightings", 500, 1, 10'000));
  c.batch.max_delay = batch.get_duration("max_delay", c.batch.max_delay);
  if (c.batch.max_delay.count() < 0 || c.batch.max_delay > milliseconds(5'000)) {
    batch.fail("max_delay", "must be between 0ms and 5s (edges wait for their acks)");
  }
  c.max_pending_batches = static_cast<std::size_t>(batch.get_int("max_pending", 8, 1, 1'000));
  c.writers = static_cast<std::size_t>(batch.get_int("writers", 2, 1, 8));
  c.shutdown_grace = positive_duration(batch, "shutdown_grace", c.shutdown_grace);

  const config::Section evidence = root.section("evidence");
  c.evidence.dir = evidence.get<std::string>("dir", c.evidence.dir.string());
  if (!c.evidence.dir.is_absolute()) evidence.fail("dir", "must be an absolute path");
  c.evidence.segment_bytes = evidence.get_bytes("segment_size", c.evidence.segment_bytes);
  if (c.evidence.segment_bytes < (1u << 20) || c.evidence.segment_bytes > (std::uint64_t{4} << 30)) {
    evidence.fail("segment_size", "must be between 1MiB and 4GiB");
  }

  const config::Section limits = root.section("limits");
  auto age = limits.get_duration("max_capture_age", std::chrono::duration_cast<milliseconds>(c.capture_window.max_age));
  auto ahead =
      limits.get_duration("max_capture_ahead", std::chrono::duration_cast<milliseconds>(c.capture_window.max_ahead));
  if (age.count() <= 0) limits.fail("max_capture_age", "must be longer than 0");
  if (ahead.count() < 0) limits.fail("max_capture_ahead", "must not be negative");
  c.capture_window.max_age = age;
  c.capture_window.max_ahead = ahead;

  const config::Section watchlists = root.section("watchlists");
  c.watchlist_poll = positive_duration(watchlists, "poll_interval", c.watchlist_poll);

  const config::Section alert = root.section("alerts");
  c.alert_endpoint = alert.get<std::string>("endpoint", c.alert_endpoint);
  c.alert_secret_key_file = alert.get<std::string>("secret_key_file", c.secret_key_file);
  c.subscribers = listed_keys(alert, "subscribers", "agency");
  c.alert_high_water_mark = static_cast<int>(alert.get_int("send_high_water_mark", c.alert_high_water_mark, 1, 1'000'000));
  c.policy.partners = alert.get<std::vector<std::string>>("partners", {});
  for (const std::string& partner : c.policy.partners) {
    if (!correlate::is_code(partner)) alert.fail("partners", "agency codes use only a-z, 0-9 and '-', got '" + partner + "'");
  }
  c.policy.crossing = finding_alert(alert, "border_crossing", c.policy.crossing);
  c.policy.impossible_travel = finding_alert(alert, "impossible_travel", c.policy.impossible_travel);

  c.correlation = correlate::load_correlation(root);
  for (const config::Section& site : root.sections("sites")) c.site_ids.push_back(site.require<std::string>("id"));

  const config::Section log_section = root.section("log");
  c.log = log::read_options(log_section);
  c.stats_interval = positive_duration(log_section, "stats_interval", c.stats_interval);

  doc.check_unknown();
  return c;
}

}  // namespace

CentralConfig load_central_config(const std::string& path) { return read(config::Document::load(path)); }

CentralConfig parse_central_config(const std::string& text, const std::string& name) {
  return read(config::Document::parse(text, name));
}

}  // namespace anpr::central
