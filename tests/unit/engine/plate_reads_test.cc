// Tests of one read a plate (plate_reads.h) on made-up reads.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "edge/engine/plate_reads.h"

namespace anpr::engine {
namespace {

PlateRead read_of(const std::string& text, double confidence, cv::Rect box, double validity = 0) {
  PlateRead read;
  read.text = text;
  read.confidence = confidence;
  read.box = box;
  read.validity = validity;
  return read;
}

std::vector<std::string> texts(const std::vector<PlateRead>& reads) {
  std::vector<std::string> out;
  for (const PlateRead& r : reads) out.push_back(r.text);
  return out;
}

TEST(PlateReads, KeepsTheSurerReadOfOnePlate) {
  const std::vector<PlateRead> kept = one_read_a_plate(
      {read_of("AB1234", 0.7, {100, 100, 120, 30}), read_of("AB1Z34", 0.9, {105, 102, 115, 28})});
  EXPECT_EQ(texts(kept), std::vector<std::string>{"AB1Z34"});
}

TEST(PlateReads, KeepsTheWholePlateOverAGroupOfIt) {
  // ro-robertlucian 00109: `144M` a tall box over the plate `B 144 MOS`,
  // 0.47 of it inside the plate's; both read at 1.0.
  const cv::Rect group{644, 374, 43, 66}, whole{607, 409, 125, 34};
  EXPECT_EQ(texts(one_read_a_plate({read_of("144M", 1.0, group), read_of("B144MOS", 1.0, whole)})),
            std::vector<std::string>{"B144MOS"});
  // Unless the whole is much less sure than the group.
  EXPECT_EQ(texts(one_read_a_plate({read_of("144M", 1.0, group), read_of("B144MOS", 0.5, whole)})),
            std::vector<std::string>{"144M"});
  // Another text in that box is another plate's read.
  EXPECT_EQ(texts(one_read_a_plate({read_of("XY12", 1.0, group), read_of("B144MOS", 0.9, whole)})),
            (std::vector<std::string>{"XY12", "B144MOS"}));
}

TEST(PlateReads, KeepsTheReadTheIdentifierRanksHigher) {
  // Generated scene 101 of stop 22's nb331 set (docs/recognition.md): the
  // `RUS` under a close Russian plate's region, a plate of its own inside
  // the plate's box, read surely as Latvian vanity text.
  const cv::Rect plate{24, 377, 377, 152}, print{315, 496, 65, 36};
  EXPECT_EQ(texts(one_read_a_plate({read_of("RUS", 1.0, print, 0.08), read_of("B051BX44", 0.975, plate, 0.6)})),
            std::vector<std::string>{"B051BX44"});
  // Confidence times validity: far less sure, the tight fit ranks lower.
  EXPECT_EQ(texts(one_read_a_plate({read_of("RUS", 1.0, print, 0.08), read_of("B051BX44", 0.1, plate, 0.6)})),
            std::vector<std::string>{"RUS"});
  // ro-robertlucian 00162 at night: the county code faint, the group `MOC`
  // found on its own and read surer than the whole plate.
  const cv::Rect group{660, 404, 40, 22}, whole{610, 400, 100, 30};
  EXPECT_EQ(texts(one_read_a_plate({read_of("MOC", 0.948, group, 0.06), read_of("BR16MOC", 0.584, whole, 0.256)})),
            std::vector<std::string>{"BR16MOC"});
}

TEST(PlateReads, AHungarianFlagReadAsALetterIsNoWholerPlate) {
  // The rule of better_cut (reads_more_at_ends): `I` before `ABQ062` is the
  // flag's rule, so the surer read stays.
  const std::vector<PlateRead> kept = one_read_a_plate(
      {read_of("ABQ062", 0.95, {100, 100, 60, 40}), read_of("IABQ062", 0.9, {80, 110, 130, 30})});
  EXPECT_EQ(texts(kept), std::vector<std::string>{"ABQ062"});
}

TEST(PlateReads, KeepsPlatesApartWhoseTextsNest) {
  // Two cars, one plate's text inside the other's, boxes apart.
  const std::vector<PlateRead> kept =
      one_read_a_plate({read_of("AB12", 0.95, {10, 10, 60, 20}), read_of("AB1234", 0.9, {300, 200, 120, 30})});
  EXPECT_EQ(texts(kept), (std::vector<std::string>{"AB12", "AB1234"}));
}

TEST(PlateReads, ReturnsTheMostConfidentFirst) {
  const std::vector<PlateRead> kept = one_read_a_plate({read_of("GG", 0.4, {10, 10, 40, 20}),
                                                        read_of("AB1234", 0.9, {300, 200, 120, 30}),
                                                        read_of("KX4807", 0.6, {600, 200, 120, 30})});
  EXPECT_EQ(texts(kept), (std::vector<std::string>{"AB1234", "KX4807", "GG"}));
}

}  // namespace
}  // namespace anpr::engine
