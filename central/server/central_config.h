// anpr-central's configuration (central.yaml), read and checked in one go at
// start-up so that a typo or a missing key stops the daemon with a message
// naming the key, instead of surfacing as odd behaviour hours later. Every
// key has a default that works except the database and the server key;
// deploy/central.example.yaml documents each one.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "central/alerts/alert_policy.h"
#include "central/correlate/correlation_config.h"
#include "central/evidence/evidence_writer.h"
#include "central/ingest/batch.h"
#include "central/store/sighting_checks.h"
#include "common/log/log.h"

namespace anpr::central {

// A CurveZMQ public key the configuration admits, and the name its holder
// is known by (an edge id, or an agency code for alert subscribers).
struct ListedKey {
  std::string public_key;  // Z85
  std::string name;
};

struct CentralConfig {
  std::string file;  // where it was read from, for messages

  // database
  std::string conninfo;
  std::chrono::milliseconds reconnect_min{500};
  std::chrono::milliseconds reconnect_max{30'000};

  // listen: the ROUTER edges connect to
  std::string listen_endpoint = "tcp://0.0.0.0:7100";
  std::string secret_key_file;  // the server's key pair (<name>.key_secret)
  std::size_t max_message_bytes = 0;  // defaults to the protocol's limit
  std::chrono::milliseconds link_heartbeat_interval{10'000};
  std::chrono::milliseconds link_heartbeat_timeout{30'000};

  // edges
  std::vector<ListedKey> edge_keys;  // besides the edge_keys table
  std::chrono::milliseconds edge_keys_refresh{10'000};
  std::chrono::milliseconds edge_stale_after{30'000};

  // batch
  ingest::BatchLimits batch;
  std::size_t max_pending_batches = 8;
  std::size_t writers = 2;  // connections committing batches side by side
  std::chrono::milliseconds shutdown_grace{10'000};

  // limits
  store::CaptureWindow capture_window;

  // evidence: where the images go (central/evidence)
  evidence_store::EvidenceOptions evidence{"/var/lib/anpr-central/evidence"};

  // watchlists
  std::chrono::milliseconds watchlist_poll{1'000};

  // alerts
  std::string alert_endpoint = "tcp://0.0.0.0:7101";
  std::string alert_secret_key_file;  // defaults to secret_key_file
  std::vector<ListedKey> subscribers;
  int alert_high_water_mark = 10'000;
  alerts::AlertPolicy policy;

  // sites, correlation, rules
  correlate::CorrelationConfig correlation;
  std::vector<std::string> site_ids;  // the catalog's sites in file order (for the sites table)

  // log
  log::Options log;
  std::chrono::milliseconds stats_interval{60'000};
};

// Reads and checks `path`. Throws config::ConfigError ("<file>: <key>:
// <problem>") for the first problem, unknown keys included. Key files are
// only named here; the server reads them when it starts.
CentralConfig load_central_config(const std::string& path);

// The same for configuration text; `name` stands in for the file name.
CentralConfig parse_central_config(const std::string& text, const std::string& name);

}  // namespace anpr::central
