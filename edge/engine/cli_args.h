// Argument parsing shared by anpr-read and anpr-eval: the two take the same
// engine flags and must reject bad values the same way, naming the flag.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edge/engine/row_reader.h"

namespace anpr::engine {

// `value` as a count >= 1; throws EngineError naming `flag` otherwise.
std::size_t parse_count(std::string_view flag, std::string_view value);

// `value` as a reader name; throws EngineError naming `flag` otherwise.
ReaderKind parse_reader_flag(std::string_view flag, std::string_view value);

// "LV,LT" -> {"LV", "LT"}, upper-cased, empty items dropped.
std::vector<std::string> split_list(std::string_view value);

}  // namespace anpr::engine
