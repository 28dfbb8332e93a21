// Log set-up: options validated from config, JSON lines escaped correctly.
#include <gtest/gtest.h>

#include "common/config/config.h"
#include "common/log/log.h"

namespace {

TEST(Log, ReadsOptionsFromConfig) {
  auto doc = anpr::config::Document::parse("log: {level: debug, format: json}\n", "edge.yaml");
  auto options = anpr::log::read_options(doc.root().section("log"));
  EXPECT_EQ(options.level, "debug");
  EXPECT_EQ(options.format, "json");
  EXPECT_NO_THROW(doc.check_unknown());
}

TEST(Log, RejectsUnknownLevel) {
  auto doc = anpr::config::Document::parse("log: {level: loud}\n", "edge.yaml");
  EXPECT_THROW(anpr::log::read_options(doc.root().section("log")), anpr::config::ConfigError);
}

TEST(Log, JsonEscapeKeepsOneLinePerEvent) {
  EXPECT_EQ(anpr::log::json_escape("plate \"AB-1234\"\nnext\\"), "plate \\\"AB-1234\\\"\\nnext\\\\");
  EXPECT_EQ(anpr::log::json_escape(std::string("a\x01z")), "a\\u0001z");
}

}  // namespace
