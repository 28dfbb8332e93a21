// The engine's read stage as one type: Tesseract (tesseract_reader.h) or the
// learned CRNN (crnn_reader.h), picked by an option. Both give a LineReading
// per row, so everything after the read (candidate texts, identification,
// floors) is one pipeline whichever reader ran; a std::variant rather than a
// virtual base keeps the two readers free of any shared header.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/crnn_reader.h"
#include "edge/engine/tesseract_reader.h"

namespace anpr::engine {

enum class ReaderKind { tesseract, crnn };

// "tesseract" or "crnn"; throws EngineError naming `name` and the choices.
ReaderKind parse_reader_kind(std::string_view name);
std::string_view reader_kind_name(ReaderKind kind);

// The committed CRNN nets, found by model_files.h's rule:
// models/plate_crnn.onnx, asked first, then plate_crnn_scenes.onnx,
// plate_crnn_scenes_short.onnx and plate_crnn_tuned.onnx (models/README.md).
std::vector<std::string> default_crnn_models();

class RowReader {
 public:
  // Loads the chosen reader; throws EngineError naming the Tesseract data or
  // the model file when it cannot be loaded.
  RowReader(ReaderKind kind, const ReaderOptions& tesseract, const std::vector<std::string>& crnn_models,
            const CrnnOptions& crnn);

  // One row (CV_8UC1, dark text on a light ground), left to right.
  LineReading read(const cv::Mat& gray_row);

 private:
  std::variant<TesseractReader, CrnnReader> reader_;
};

}  // namespace anpr::engine
