// Argument parsing shared by the engine's tools: anpr-read and anpr-eval take
// the same engine flags, anpr-eval and anpr-detect-recall the same choice of
// ground truth, and all must reject bad values the same way, naming the flag.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "edge/engine/engine.h"
#include "edge/engine/row_reader.h"

namespace anpr::engine {

// `value` as a count >= 1; throws EngineError naming `flag` otherwise.
std::size_t parse_count(std::string_view flag, std::string_view value);

// `value` as a reader name; throws EngineError naming `flag` otherwise.
ReaderKind parse_reader_flag(std::string_view flag, std::string_view value);

// "lv, LT,," -> {"lv", "LT"}: split at commas, blanks and empty items dropped.
std::vector<std::string> split_list(std::string_view value);

// Calls `take(arg, value)` for each of argv[1..] in order; `value()` consumes
// and returns the argument after `arg`, throwing EngineError ("--x needs a
// value") when there is none. What `take` throws passes through.
using ArgumentTaker = std::function<void(const std::string& arg, const std::function<std::string()>& value)>;
void for_each_argument(int argc, char** argv, const ArgumentTaker& take);

// The engine flags both CLIs take, for their --help.
inline constexpr char kEngineFlagsUsage[] =
    "  engine flags: [--topn N] [--country-hint LV,LT] [--reader tesseract|crnn] [--model FILE.onnx[,FILE.onnx]]\n"
    "                [--rows-only] [--band-model FILE.onnx|none] [--verifier-model FILE.onnx|none]\n"
    "  --model: the CRNN models, read as one (default the four models/plate_crnn*.onnx of the source tree,\n"
    "  models/README.md); --rows-only: read\n"
    "  only the rectified text rows, not the whole plate as well; --band-model: the strip classifier\n"
    "  (default models/eu_band.onnx), none: the country from the text alone; --verifier-model: the\n"
    "  candidate verifier (default models/plate_verifier.onnx), none: every candidate the detector\n"
    "  keeps read, in its order.\n";

// Applies `flag` to `options` when it is one of kEngineFlagsUsage, taking its
// value from `value` (which throws when there is none); false for any other flag.
bool parse_engine_flag(std::string_view flag, const std::function<std::string()>& value, EngineOptions& options);

// Which ground truth a scoring tool reads: the CSV (its one positional
// argument) and, with --sets A,B and --limit-per-set K, which of it.
struct TruthSelection {
  std::string csv;
  std::set<std::string> sets;
  std::optional<std::size_t> limit_per_set;
};

// Takes `arg` into `selection` when it is --sets, --limit-per-set or, not
// starting with "--", the CSV (a second one throws EngineError); false for
// anything else.
bool parse_selection_arg(const std::string& arg, const std::function<std::string()>& value,
                         TruthSelection& selection);

// Throws EngineError when no CSV was given.
void require_ground_truth(const TruthSelection& selection);

// The command line of a tool that scores a ground truth (anpr-eval, the
// bench tools): each argument goes to `take` first, which returns false for
// one it does not know; then --help/-h prints `usage` and exits 0, and the
// selection takes --sets, --limit-per-set and the CSV. Throws EngineError
// for an unknown option or when no CSV was given.
using ToolFlagTaker = std::function<bool(const std::string& arg, const std::function<std::string()>& value)>;
TruthSelection parse_scoring_tool(int argc, char** argv, std::string_view usage, const ToolFlagTaker& take);

}  // namespace anpr::engine
