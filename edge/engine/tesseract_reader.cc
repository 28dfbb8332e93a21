// Tesseract LSTM reading of plate rows; see tesseract_reader.h.
#include "edge/engine/tesseract_reader.h"

#include <algorithm>

#include <omp.h>
#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "edge/engine/engine_error.h"

namespace anpr::engine {
namespace {

constexpr char kPlateCharacters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

bool is_plate_character(const char* utf8) {
  return utf8 != nullptr && utf8[0] != '\0' && utf8[1] == '\0' &&
         std::string_view(kPlateCharacters).find(utf8[0]) != std::string_view::npos;
}

void add_choice(std::vector<CharChoice>& choices, char symbol, float probability) {
  for (CharChoice& c : choices) {
    if (c.symbol == symbol) {
      c.probability = std::max(c.probability, probability);
      return;
    }
  }
  choices.push_back({symbol, probability});
}

}  // namespace

TesseractReader::TesseractReader(const ReaderOptions& options)
    : options_(options), api_(std::make_unique<tesseract::TessBaseAPI>()) {
  // Tesseract's LSTM runs OpenMP sections with a fixed team of threads; they
  // spin against the engine's own workers and make reading about five times
  // slower. OMP_THREAD_LIMIT=1 would stop them, but libgomp reads it when it
  // is loaded, before main, so setenv here is too late. No active parallel
  // levels has the same effect and can be set at run time (process-wide).
  omp_set_max_active_levels(0);
  // Plates are not words: dictionaries only pull reads towards English.
  std::vector<std::string> names = {"load_system_dawg", "load_freq_dawg", "load_punc_dawg", "load_number_dawg",
                                    "load_unambig_dawg", "load_bigram_dawg"};
  std::vector<std::string> values(names.size(), "0");
  if (api_->Init(options_.tessdata_dir.c_str(), options_.language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0,
                 &names, &values, false) != 0) {
    throw EngineError("cannot load Tesseract language '" + options_.language + "' from '" + options_.tessdata_dir +
                      "'");
  }
  api_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  api_->SetVariable("tessedit_char_whitelist", kPlateCharacters);
  // 1: keep the network's per-timestep character probabilities, from which
  // read() takes each symbol's alternatives. (ChoiceIterator's own choice
  // confidences are mostly 0 with LSTM and useless for ranking.)
  api_->SetVariable("lstm_choice_mode", "1");
  api_->SetVariable("user_defined_dpi", "300");
  api_->SetVariable("debug_file", "/dev/null");
}

TesseractReader::~TesseractReader() { api_->End(); }

LineReading TesseractReader::read(const cv::Mat& gray_row) {
  if (gray_row.empty() || gray_row.type() != CV_8UC1) throw EngineError("the reader needs a non-empty 8-bit gray row");
  // The row goes in as it is: stretching its contrast, binarising it or
  // framing it in white all read worse (Tesseract binarises by itself).
  api_->SetImage(gray_row.data, gray_row.cols, gray_row.rows, 1, static_cast<int>(gray_row.step));
  LineReading reading;
  if (api_->Recognize(nullptr) != 0) return reading;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (!it || it->Empty(tesseract::RIL_SYMBOL)) return reading;
  do {
    const std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!is_plate_character(text.get())) continue;
    // Tesseract's own decision first, then the other characters the network
    // saw at this symbol's timesteps, each by its peak probability there.
    // Peaks are only scaled down when they add up to more than 1: a symbol
    // whose best peak is 0.3 is a doubtful one, and must stay so.
    std::vector<CharChoice> choices{{text[0], 0.0f}};
    tesseract::ChoiceIterator alternatives(*it);
    if (const auto* steps = alternatives.Timesteps()) {
      for (const auto& step : *steps) {
        for (const auto& [symbol, p] : step) {
          if (is_plate_character(symbol)) add_choice(choices, symbol[0], p);
        }
      }
    }
    if (choices.front().probability <= 0.0f) choices.front().probability = it->Confidence(tesseract::RIL_SYMBOL) / 100;
    float total = 0;
    for (const CharChoice& c : choices) total += c.probability;
    for (CharChoice& c : choices) c.probability /= std::max(total, 1.0f);
    std::stable_sort(choices.begin() + 1, choices.end(),
                     [](const CharChoice& a, const CharChoice& b) { return a.probability > b.probability; });
    choices.erase(std::remove_if(choices.begin() + 1, choices.end(),
                                 [&](const CharChoice& c) { return c.probability < options_.min_alternative; }),
                  choices.end());
    if (choices.size() > options_.max_alternatives) choices.resize(options_.max_alternatives);
    reading.push_back({std::move(choices)});
  } while (it->Next(tesseract::RIL_SYMBOL));
  return reading;
}

}  // namespace anpr::engine
