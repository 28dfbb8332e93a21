// Top-N texts from per-character alternatives, checked against brute force.
#include "edge/engine/text_candidates.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace anpr::engine {
namespace {

LineReading reading_of(std::vector<std::vector<CharChoice>> positions) {
  LineReading reading;
  for (auto& choices : positions) reading.push_back({std::move(choices)});
  return reading;
}

TEST(TextCandidates, OrdersTextsByJointProbability) {
  const LineReading reading = reading_of({{{'A', 0.9f}, {'4', 0.1f}}, {{'8', 0.6f}, {'B', 0.4f}}, {{'1', 1.0f}}});
  const std::vector<TextCandidate> texts = best_texts(reading, 10);
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[0].text, "A81");
  EXPECT_EQ(texts[1].text, "AB1");
  EXPECT_EQ(texts[2].text, "481");
  EXPECT_EQ(texts[3].text, "4B1");
  EXPECT_NEAR(texts[0].confidence, std::cbrt(0.9 * 0.6 * 1.0), 1e-6);
}

TEST(TextCandidates, BeamKeepsTheExactTopN) {
  // Brute force over 3^5 texts against the beam.
  std::vector<std::vector<CharChoice>> positions;
  const float p[5][3] = {{0.5f, 0.3f, 0.2f}, {0.7f, 0.2f, 0.1f}, {0.4f, 0.35f, 0.25f}, {0.9f, 0.05f, 0.05f},
                         {0.6f, 0.25f, 0.15f}};
  for (int i = 0; i < 5; ++i) positions.push_back({{'A', p[i][0]}, {'B', p[i][1]}, {'C', p[i][2]}});
  std::vector<double> all;
  for (int code = 0; code < 243; ++code) {
    double prob = 1;
    for (int i = 0, c = code; i < 5; ++i, c /= 3) prob *= p[i][c % 3];
    all.push_back(prob);
  }
  std::sort(all.rbegin(), all.rend());
  const std::vector<TextCandidate> texts = best_texts(reading_of(positions), 7);
  ASSERT_EQ(texts.size(), 7u);
  for (std::size_t k = 0; k < texts.size(); ++k) EXPECT_NEAR(std::pow(texts[k].confidence, 5), all[k], 1e-9);
}

TEST(TextCandidates, NothingReadGivesNothing) {
  EXPECT_TRUE(best_texts({}, 5).empty());
  EXPECT_TRUE(best_texts(reading_of({{{'A', 1.0f}}}), 0).empty());
}

}  // namespace
}  // namespace anpr::engine
