// Reading the site catalog from central.yaml:
//
//   sites:
//     - {id: karsava-1, country: LV, name: "Kārsava, A13", lat: 56.7845,
//        lon: 27.6880, road: A13, heading: 95, border: true}
//
// id, country, name, lat and lon are required; road, heading and border
// (false) are optional. Errors name the key, e.g. "sites[3].lat".
#pragma once

#include "central/correlate/site_catalog.h"
#include "common/config/config.h"

namespace anpr::correlate {

// Reads the `sites` list of `parent`; an absent list is an empty catalog.
SiteCatalog load_sites(const config::Section& parent);

}  // namespace anpr::correlate
