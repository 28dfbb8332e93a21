// The engine's read stage; see row_reader.h.
#include "edge/engine/row_reader.h"

#include <utility>

#include "edge/engine/engine_error.h"
#include "edge/engine/model_files.h"

namespace anpr::engine {
namespace {

using Readers = std::variant<TesseractReader, CrnnReader>;

// The readers can be neither copied nor moved, so the variant is built in
// place and handed out as a prvalue.
Readers make_reader(ReaderKind kind, const ReaderOptions& tesseract, const std::vector<std::string>& crnn_models,
                    const CrnnOptions& crnn) {
  if (kind == ReaderKind::tesseract) return Readers(std::in_place_type<TesseractReader>, tesseract);
  return Readers(std::in_place_type<CrnnReader>, crnn_models, crnn);
}

}  // namespace

ReaderKind parse_reader_kind(std::string_view name) {
  if (name == "tesseract") return ReaderKind::tesseract;
  if (name == "crnn") return ReaderKind::crnn;
  throw EngineError("unknown reader '" + std::string(name) + "' (tesseract or crnn)");
}

std::string_view reader_kind_name(ReaderKind kind) { return kind == ReaderKind::crnn ? "crnn" : "tesseract"; }

std::vector<std::string> default_crnn_models() {
  return {model_path("plate_crnn.onnx"), model_path("plate_crnn_scenes.onnx"),
          model_path("plate_crnn_scenes_short.onnx"), model_path("plate_crnn_tuned.onnx")};
}

RowReader::RowReader(ReaderKind kind, const ReaderOptions& tesseract, const std::vector<std::string>& crnn_models,
                     const CrnnOptions& crnn)
    : reader_(make_reader(kind, tesseract, crnn_models, crnn)) {}

LineReading RowReader::read(const cv::Mat& gray_row) {
  return std::visit([&](auto& reader) { return reader.read(gray_row); }, reader_);
}

}  // namespace anpr::engine
