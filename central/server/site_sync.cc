// Writing the site catalog; see site_sync.h.
#include "central/server/site_sync.h"

#include <stdexcept>

#include <pqxx/transaction>

namespace anpr::central {

void sync_sites(pqxx::connection_base& conn, const correlate::SiteCatalog& catalog, const std::vector<std::string>& ids) {
  pqxx::work tx(conn, "sync_sites");
  for (const std::string& id : ids) {
    const correlate::Site* site = catalog.find(id);
    if (site == nullptr) throw std::logic_error("sync_sites: site '" + id + "' is not in the catalog");
    tx.exec_params(
        "INSERT INTO sites (site_id, name, country, latitude, longitude, road) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''))"
        " ON CONFLICT (site_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country,"
        " latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, road = EXCLUDED.road",
        site->id, site->name, site->country, site->position.lat_deg, site->position.lon_deg, site->road);
  }
  tx.commit();
}

}  // namespace anpr::central
