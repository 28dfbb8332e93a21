// Configuration loading: defaults, typed values, validation messages that
// name the file and key, and unknown keys caught as typos.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/config/config.h"

namespace {

using anpr::config::ConfigError;
using anpr::config::Document;
using namespace std::chrono_literals;

// Runs `f` and returns the ConfigError message it throws ("" if none).
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, DefaultsApplyWhenKeysAreAbsent) {
  Document doc = Document::parse("", "edge.yaml");
  auto root = doc.root();
  EXPECT_EQ(root.get<int>("workers", 2), 2);
  EXPECT_EQ(root.get<std::string>("site", "karsava"), "karsava");
  EXPECT_EQ(root.get_duration("heartbeat", 5s), 5s);
  EXPECT_EQ(root.section("spool").get_bytes("max_size", 1024), 1024u);
  EXPECT_NO_THROW(doc.check_unknown());
}

TEST(Config, ReadsTypedValuesAndNestedSections) {
  Document doc = Document::parse(R"(
edge_id: karsava-1
workers: 4
confidence: 0.75
plaintext: false
spool:
  dir: /var/lib/anpr/spool
  max_size: 256MiB
heartbeat: 250ms
countries: [LV, LT]
cameras:
  - id: gate-1
    url: rtsp://127.0.0.1:8554/a
  - id: gate-2
    url: rtsp://127.0.0.1:8554/b
)",
                                 "edge.yaml");
  auto root = doc.root();
  EXPECT_EQ(root.require<std::string>("edge_id"), "karsava-1");
  EXPECT_EQ(root.get_int("workers", 1, 1, 64), 4);
  EXPECT_DOUBLE_EQ(root.get_double("confidence", 0.5, 0, 1), 0.75);
  EXPECT_FALSE(root.get<bool>("plaintext", true));
  EXPECT_EQ(root.section("spool").get<std::string>("dir", ""), "/var/lib/anpr/spool");
  EXPECT_EQ(root.section("spool").get_bytes("max_size", 0), 256u * 1024 * 1024);
  EXPECT_EQ(root.get_duration("heartbeat", 5s), 250ms);
  EXPECT_EQ(root.get<std::vector<std::string>>("countries", {}), (std::vector<std::string>{"LV", "LT"}));
  auto cameras = root.sections("cameras");
  ASSERT_EQ(cameras.size(), 2u);
  EXPECT_EQ(cameras[1].require<std::string>("id"), "gate-2");
  EXPECT_EQ(cameras[1].path(), "cameras[1]");
  for (auto& cam : cameras) {
    cam.require<std::string>("id");
    cam.require<std::string>("url");
  }
  EXPECT_NO_THROW(doc.check_unknown());
}

TEST(Config, ErrorsNameFileKeyAndProblem) {
  Document doc = Document::parse("workers: 0\nmode: fast\nratio: abc\nedge: {id: 7}\ncams: [{fps: -1}]\n", "edge.yaml");
  auto root = doc.root();
  EXPECT_EQ(error_of([&] { root.get_int("workers", 2, 1, 64); }),
            "edge.yaml: workers: must be between 1 and 64, got 0");
  EXPECT_EQ(error_of([&] { root.get_choice("mode", "live", {"live", "replay"}); }),
            "edge.yaml: mode: must be one of live, replay, got 'fast'");
  EXPECT_EQ(error_of([&] { root.get<double>("ratio", 1.0); }), "edge.yaml: ratio: expected a number, got 'abc'");
  EXPECT_EQ(error_of([&] { root.section("edge").require<std::string>("name"); }),
            "edge.yaml: edge.name: is required but missing");
  EXPECT_EQ(error_of([&] { root.sections("cams")[0].get_int("fps", 10, 1, 60); }),
            "edge.yaml: cams[0].fps: must be between 1 and 60, got -1");
  EXPECT_EQ(error_of([&] { root.get<std::string>("edge", ""); }), "edge.yaml: edge: expected a string, got a mapping");
}

TEST(Config, RejectsLooseScalarForms) {
  Document doc = Document::parse("a: yes\nb: 1.5\nc: 10 s\nd: 12\ne: 3 parsecs\n", "c.yaml");
  auto root = doc.root();
  EXPECT_NE(error_of([&] { root.get<bool>("a", false); }), "");
  EXPECT_NE(error_of([&] { root.get<int>("b", 0); }), "");
  EXPECT_EQ(root.get_duration("c", 0ms), 10s);
  EXPECT_EQ(error_of([&] { root.get_duration("d", 0ms); }),
            "c.yaml: d: expected a duration with a unit (250ms, 5s, 2m, 1h), got '12'");
  EXPECT_NE(error_of([&] { root.get_bytes("e", 0); }), "");
}

TEST(Config, UnknownKeysAreReportedWithTheirPath) {
  Document doc = Document::parse("workers: 2\nspool:\n  dir: /x\n  max_sise: 1GiB\n", "edge.yaml");
  auto root = doc.root();
  root.get<int>("workers", 1);
  root.section("spool").get<std::string>("dir", "");
  root.section("spool").get_bytes("max_size", 0);
  EXPECT_EQ(error_of([&] { doc.check_unknown(); }), "edge.yaml: spool.max_sise: unknown key");
}

TEST(Config, UnknownKeysInsideListItems) {
  Document doc = Document::parse("cameras:\n  - id: a\n    ulr: rtsp://x\n", "edge.yaml");
  for (auto& cam : doc.root().sections("cameras")) cam.require<std::string>("id");
  EXPECT_EQ(error_of([&] { doc.check_unknown(); }), "edge.yaml: cameras[0].ulr: unknown key");
}

TEST(Config, OpaqueSubtreesAreNotChecked) {
  Document doc = Document::parse("rules:\n  ru_entry: {country: RU, anything: 1}\n", "central.yaml");
  YAML::Node rules = doc.root().node("rules");
  EXPECT_TRUE(rules["ru_entry"].IsMap());
  EXPECT_NO_THROW(doc.check_unknown());
}

TEST(Config, BadFilesGiveClearErrors) {
  EXPECT_EQ(error_of([] { Document::load("/nonexistent/edge.yaml"); }), "/nonexistent/edge.yaml: cannot open the file");
  std::string invalid = error_of([] { Document::parse("a: [1, 2\nb: 3\n", "bad.yaml"); });
  EXPECT_EQ(invalid.rfind("bad.yaml: invalid YAML at line ", 0), 0u) << invalid;
  EXPECT_EQ(error_of([] { Document::parse("- a\n- b\n", "list.yaml"); }),
            "list.yaml: the top level must be a mapping of keys to values");
}

TEST(Config, LoadsFromFile) {
  char path[] = "/tmp/anpr-config-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << "workers: 3\n";
  Document doc = Document::load(path);
  EXPECT_EQ(doc.root().get<int>("workers", 1), 3);
  EXPECT_EQ(doc.file(), path);
  std::remove(path);
}

TEST(Config, DurationAndSizeParsers) {
  using anpr::config::parse_bytes;
  using anpr::config::parse_duration;
  EXPECT_EQ(parse_duration("1.5s"), 1500ms);
  EXPECT_EQ(parse_duration("2m"), 120s);
  EXPECT_EQ(parse_duration("1h"), 3600s);
  EXPECT_FALSE(parse_duration("-5s"));
  EXPECT_FALSE(parse_duration("5"));
  EXPECT_EQ(parse_bytes("64KiB"), 65536u);
  EXPECT_EQ(parse_bytes("2GB"), 2000000000u);
  EXPECT_FALSE(parse_bytes("1TiB"));
  EXPECT_FALSE(parse_bytes("MiB"));
}

}  // namespace
