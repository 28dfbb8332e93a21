// CSV reading and writing as spreadsheets and the data sets produce it.
#include <gtest/gtest.h>

#include <sstream>

#include "common/csv/csv.h"

namespace {

using anpr::csv::CsvError;
using anpr::csv::Reader;
using Fields = std::vector<std::string>;

std::vector<Fields> read_all(const std::string& text) {
  std::istringstream in(text);
  Reader reader(in);
  std::vector<Fields> out;
  Fields fields;
  while (reader.next(fields)) out.push_back(fields);
  return out;
}

TEST(Csv, PlainRecordsAndEmptyFields) {
  auto rows = read_all("image,plate,country\nimages/a.jpg,B 21 GSB,RO\nb.jpg,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (Fields{"images/a.jpg", "B 21 GSB", "RO"}));
  EXPECT_EQ(rows[2], (Fields{"b.jpg", "", ""}));
}

TEST(Csv, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("\"AB,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,row\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (Fields{"AB,1", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1], (Fields{"next", "row"}));
}

TEST(Csv, LastLineWithoutNewline) {
  auto rows = read_all("a,b\nc,d");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (Fields{"c", "d"}));
}

TEST(Csv, ReportsLineOfBadRecord) {
  std::istringstream in("ok,1\n\"multi\nline\",2\nbad\"x\"y,3\n\"open,4\n");
  Reader reader(in);
  Fields f;
  ASSERT_TRUE(reader.next(f));
  ASSERT_TRUE(reader.next(f));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(f));  // a quote inside an unquoted field is literal
  EXPECT_EQ(f[0], "bad\"x\"y");
  EXPECT_EQ(reader.line(), 4u);
  try {
    reader.next(f);
    FAIL() << "unterminated quote accepted";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 5u);
  }
}

TEST(Csv, TextAfterClosingQuoteIsAnError) {
  EXPECT_THROW(read_all("\"AB\"C,1\n"), CsvError);
}

TEST(Csv, WriteRoundTripsAndDefusesFormulas) {
  std::ostringstream out;
  anpr::csv::write_record(out, {"AB-1234", "a,b", "say \"x\"", "=HYPERLINK(\"x\")", "line\nbreak", ""});
  EXPECT_EQ(out.str(), "AB-1234,\"a,b\",\"say \"\"x\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak\",\r\n");
  auto rows = read_all(out.str());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (Fields{"AB-1234", "a,b", "say \"x\"", "=HYPERLINK(\"x\")", "line\nbreak", ""}));
}

}  // namespace
