// The places cameras stand: which country each site is in, where it is and
// whether it is a border crossing point. Correlation gets all of its
// geography from here; the edge reports only a site id, so a box can be moved
// or re-aimed by editing central's configuration, not the box.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "central/correlate/geo.h"

namespace anpr::correlate {

struct Site {
  std::string id;       // as in sightings.site_id, e.g. "karsava-1"
  std::string country;  // ISO 3166-1 alpha-2 of the territory the site is on
  std::string name;     // for people, e.g. "Kārsava, A13 km 214"
  GeoPoint position;
  std::string road;                   // e.g. "A13"; empty when not given
  std::optional<double> heading_deg;  // compass bearing the cameras look along
  bool border = false;                // a border crossing point
};

class SiteCatalog {
 public:
  // False, and the catalog unchanged, when a site with this id is present.
  [[nodiscard]] bool add(Site site);

  // nullptr for an id not in the catalog.
  const Site* find(std::string_view id) const;

  std::size_t size() const { return sites_.size(); }

 private:
  std::map<std::string, Site, std::less<>> sites_;
};

}  // namespace anpr::correlate
