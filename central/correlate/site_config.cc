// Site catalog loading; see site_config.h.
#include "central/correlate/site_config.h"

#include <string>

#include "central/correlate/config_fields.h"

namespace anpr::correlate {

namespace {

Site read_site(const config::Section& s) {
  Site site;
  site.id = require_code(s, "id");
  site.country = require_country(s, "country");
  site.name = s.require<std::string>("name");
  site.position.lat_deg = require_double(s, "lat", -90, 90);
  site.position.lon_deg = require_double(s, "lon", -180, 180);
  site.road = s.get<std::string>("road", "");
  if (s.has("heading")) {
    double heading = s.get<double>("heading", 0);
    if (heading < 0 || heading >= 360) {
      s.fail("heading", "must be a compass bearing from 0 up to but not including 360, got " + std::to_string(heading));
    }
    site.heading_deg = heading;
  }
  site.border = s.get<bool>("border", false);
  return site;
}

}  // namespace

SiteCatalog load_sites(const config::Section& parent) {
  SiteCatalog catalog;
  for (const auto& s : parent.sections("sites")) {
    Site site = read_site(s);
    std::string id = site.id;
    if (!catalog.add(std::move(site))) s.fail("id", "site '" + id + "' is listed twice");
  }
  return catalog;
}

}  // namespace anpr::correlate
