// `anpr-cli alerts --follow`: subscribe to the central's PUB feed and print
// one line per alert (alert_line.h) until SIGINT or SIGTERM. Alerts on PUB
// are at most once (docs/protocol.md): whatever arrives while this runs is
// shown, nothing is replayed; `alerts list` reads the stored ones.
//
// The feed is CurveZMQ like every socket of the platform: --server-key is
// the central's public key file, --key this subscriber's secret key file
// (its public key must be in the central's allow-list). Reading the feed
// unencrypted needs --plaintext, for local testing only, so that a
// forgotten key option never silently sends officers' alerts in the clear.
#pragma once

#include "central/cli/arguments.h"
#include "central/cli/session.h"

namespace anpr::cli {

int follow_alerts(const Arguments& args, Session& session);

}  // namespace anpr::cli
