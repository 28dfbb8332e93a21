// The site catalog as written in central.yaml: fields, defaults, and errors
// that name the key at fault.
#include <gtest/gtest.h>

#include "central/correlate/site_config.h"

namespace {

using namespace anpr::correlate;
using anpr::config::ConfigError;
using anpr::config::Document;

// The key a load of `yaml` fails on, or "" when it loads and has no
// unknown keys.
std::string failing_key(const std::string& yaml) {
  auto doc = Document::parse(yaml, "central.yaml");
  try {
    (void)load_sites(doc.root());
    doc.check_unknown();
  } catch (const ConfigError& e) {
    return e.key();
  }
  return "";
}

TEST(SiteConfig, ReadsEveryField) {
  auto doc = Document::parse(R"(
sites:
  - {id: karsava-1, country: LV, name: "Kārsava, A13", lat: 56.7845, lon: 27.688, road: A13, heading: 95, border: true}
  - {id: vilnius-1, country: LT, name: Vilnius, lat: 54.6872, lon: 25.2797}
)",
                             "central.yaml");
  SiteCatalog catalog = load_sites(doc.root());
  doc.check_unknown();
  ASSERT_EQ(catalog.size(), 2u);
  const Site* karsava = catalog.find("karsava-1");
  ASSERT_NE(karsava, nullptr);
  EXPECT_EQ(karsava->country, "LV");
  EXPECT_EQ(karsava->name, "Kārsava, A13");
  EXPECT_DOUBLE_EQ(karsava->position.lat_deg, 56.7845);
  EXPECT_DOUBLE_EQ(karsava->position.lon_deg, 27.688);
  EXPECT_EQ(karsava->road, "A13");
  EXPECT_EQ(karsava->heading_deg, 95.0);
  EXPECT_TRUE(karsava->border);

  const Site* vilnius = catalog.find("vilnius-1");
  ASSERT_NE(vilnius, nullptr);
  EXPECT_EQ(vilnius->road, "");
  EXPECT_FALSE(vilnius->heading_deg.has_value());
  EXPECT_FALSE(vilnius->border);
  EXPECT_EQ(catalog.find("riga-1"), nullptr);
}

TEST(SiteConfig, AbsentListIsAnEmptyCatalog) {
  auto doc = Document::parse("other: 1\n", "central.yaml");
  EXPECT_EQ(load_sites(doc.root()).size(), 0u);
}

TEST(SiteConfig, ErrorsNameTheKey) {
  const std::string ok = "{id: a-1, country: LV, name: A, lat: 56.0, lon: 24.0}";
  EXPECT_EQ(failing_key("sites:\n  - " + ok + "\n"), "");
  EXPECT_EQ(failing_key("sites:\n  - " + ok + "\n  - {id: b-1, country: LT, name: B, lon: 24.0}\n"), "sites[1].lat");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: lv, name: A, lat: 56.0, lon: 24.0}\n"), "sites[0].country");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LVA, name: A, lat: 56.0, lon: 24.0}\n"), "sites[0].country");
  EXPECT_EQ(failing_key("sites:\n  - {id: A_1, country: LV, name: A, lat: 56.0, lon: 24.0}\n"), "sites[0].id");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, name: A, lat: 95.0, lon: 24.0}\n"), "sites[0].lat");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, name: A, lat: 56.0, lon: east}\n"), "sites[0].lon");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, lat: 56.0, lon: 24.0}\n"), "sites[0].name");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, name: A, lat: 56.0, lon: 24.0, heading: 360}\n"),
            "sites[0].heading");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, name: A, lat: 56.0, lon: 24.0, border: yes}\n"),
            "sites[0].border");
  EXPECT_EQ(failing_key("sites:\n  - " + ok + "\n  - " + ok + "\n"), "sites[1].id");
  EXPECT_EQ(failing_key("sites:\n  - {id: a-1, country: LV, name: A, latitude: 56.0, lat: 56.0, lon: 24.0}\n"),
            "sites[0].latitude");
}

TEST(SiteConfig, DuplicateIdMessageNamesTheSite) {
  auto doc = Document::parse(
      "sites:\n  - {id: a-1, country: LV, name: A, lat: 56, lon: 24}\n  - {id: a-1, country: LT, name: B, lat: 55, "
      "lon: 25}\n",
      "central.yaml");
  try {
    (void)load_sites(doc.root());
    FAIL() << "a duplicate site id was accepted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("central.yaml: sites[1].id: site 'a-1' is listed twice"), std::string::npos)
        << e.what();
  }
}

}  // namespace
