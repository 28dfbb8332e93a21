// The edge allow-list the ZAP handler enforces: keys listed in central.yaml
// plus the keys enrolled in the edge_keys table and not revoked. The table
// is re-read periodically (refresher.h), so enrolling or revoking a box with
// anpr-cli takes effect without a restart.
#pragma once

#include <vector>

#include <pqxx/connection_base>

#include "central/server/central_config.h"
#include "common/transport/zap_protocol.h"

namespace anpr::central {

// Active (not revoked) keys of the edge_keys table, named by edge id.
std::vector<ListedKey> enrolled_edge_keys(pqxx::connection_base& conn);

// Configured keys first; an enrolled key that is also configured keeps the
// configuration's name, so a key in central.yaml can only be changed there.
transport::AllowList merge_allow_list(const std::vector<ListedKey>& configured,
                                      const std::vector<ListedKey>& enrolled);

}  // namespace anpr::central
