// Site lookup; see site_catalog.h.
#include "central/correlate/site_catalog.h"

namespace anpr::correlate {

bool SiteCatalog::add(Site site) {
  std::string id = site.id;
  return sites_.emplace(std::move(id), std::move(site)).second;
}

const Site* SiteCatalog::find(std::string_view id) const {
  auto it = sites_.find(id);
  return it == sites_.end() ? nullptr : &it->second;
}

}  // namespace anpr::correlate
