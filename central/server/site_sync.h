// Copying the configured site catalog into the sites table. Crossings
// reference sites (migration 0002), and the catalog lives in central.yaml
// so that moving a camera is a configuration change; writing it at start-up
// keeps the two in step. Sites are added or updated, never deleted: old
// sightings and crossings still name them.
#pragma once

#include <string>
#include <vector>

#include <pqxx/connection_base>

#include "central/correlate/site_catalog.h"

namespace anpr::central {

// Upserts the sites `ids` of `catalog` in one transaction.
void sync_sites(pqxx::connection_base& conn, const correlate::SiteCatalog& catalog, const std::vector<std::string>& ids);

}  // namespace anpr::central
