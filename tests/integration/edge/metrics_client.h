// Reads the daemon's /metrics over a plain TCP connection to 127.0.0.1, the
// way a Prometheus scraper would, and picks single samples out of the text.
#pragma once

#include <optional>
#include <string>

namespace anpr::testing {

// The body of GET /metrics, or nullopt when nothing answers.
std::optional<std::string> scrape(int port);

// The value of the sample written exactly as `series` ("name" or
// `name{label="v"}`), or nullopt when it is not in `text`.
std::optional<double> sample(const std::string& text, const std::string& series);

// scrape + sample; nullopt when either fails.
std::optional<double> metric(int port, const std::string& series);

// A TCP port on 127.0.0.1 with nothing listening on it (bound, then freed).
int free_port();

}  // namespace anpr::testing
