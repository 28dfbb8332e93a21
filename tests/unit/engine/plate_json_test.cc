// anpr-read's JSON: every string escaped whatever bytes it holds, and the
// documented shape with its field names.
#include "edge/engine/plate_json.h"

#include <gtest/gtest.h>

namespace anpr::engine {
namespace {

TEST(PlateJson, EscapesStrings) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("tab\tnew\nline\r"), "\"tab\\tnew\\nline\\r\"");
  EXPECT_EQ(json_string(std::string("nul\0x", 5)), "\"nul\\u0000x\"");
  EXPECT_EQ(json_string("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
}

TEST(PlateJson, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(json_string("R\xC4\xABga"), "\"R\xC4\xABga\"");        // Rīga
  EXPECT_EQ(json_string("\xF0\x9F\x9A\x97"), "\"\xF0\x9F\x9A\x97\"");  // a car emoji
  EXPECT_EQ(json_string("a\xFFz"), "\"a\\ufffdz\"");
  EXPECT_EQ(json_string("\xC4"), "\"\\ufffd\"");              // truncated sequence
  EXPECT_EQ(json_string("\xC0\xAF"), "\"\\ufffd\\ufffd\"");   // overlong '/'
  EXPECT_EQ(json_string("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
}

TEST(PlateJson, WritesThePlateShape) {
  PlateRead read;
  read.text = "AB1234";
  read.display = "AB-1234";
  read.country = "LV";
  read.confidence = 0.9712;
  read.box = cv::Rect(10, 20, 100, 30);
  read.corners = {cv::Point2f(10, 20), cv::Point2f(110, 21), cv::Point2f(110, 50), cv::Point2f(10, 49.5f)};
  read.candidates = {{"AB1234", 0.9712}, {"A81234", 0.5}};
  EXPECT_EQ(plate_json(read),
            "{\"text\": \"AB1234\", \"display\": \"AB-1234\", \"country\": \"LV\", \"confidence\": 0.971, "
            "\"box\": [10, 20, 100, 30], \"corners\": [[10.0, 20.0], [110.0, 21.0], [110.0, 50.0], [10.0, 49.5]], "
            "\"candidates\": [{\"text\": \"AB1234\", \"confidence\": 0.971}, {\"text\": \"A81234\", "
            "\"confidence\": 0.500}]}");
}

TEST(PlateJson, WritesImageLines) {
  EXPECT_EQ(image_result_json("a \"b\".jpg", 12.345, {}), "{\"image\": \"a \\\"b\\\".jpg\", \"ms\": 12.3, \"plates\": []}");
  EXPECT_EQ(image_error_json("x.jpg", "cannot decode"), "{\"image\": \"x.jpg\", \"error\": \"cannot decode\"}");
}

}  // namespace
}  // namespace anpr::engine
