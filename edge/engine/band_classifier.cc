// The strip classifier; see band_classifier.h.
#include "edge/engine/band_classifier.h"

#include "edge/engine/engine_error.h"
#include "edge/engine/model_files.h"
#include "edge/engine/window_input.h"

namespace anpr::engine {

cv::Mat band_window(const cv::Mat& bgr, const Quad& row) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw EngineError("band_window needs a non-empty BGR image");
  const float h = quad_height(row);
  const Quad strip = grown(row, 2.5f * h, 1.2f * h - quad_width(row), 0.45f * h, 0.45f * h);
  return cut_window(bgr, strip, {kBandWidth, kBandHeight});
}

cv::Mat band_input(const cv::Mat& window) {
  if (window.type() != CV_8UC3 || window.cols != kBandWidth || window.rows != kBandHeight) {
    throw EngineError("band_input needs a " + std::to_string(kBandWidth) + "x" + std::to_string(kBandHeight) +
                      " BGR window");
  }
  return cv::dnn::blobFromImage(normalised_window(window));
}

BandClassifier::BandClassifier(const std::string& onnx_path)
    : path_(onnx_path), net_(load_onnx_model(onnx_path, "strip model")) {
  // One run now, so a model with the wrong output is refused at load.
  classify_window(cv::Mat(kBandHeight, kBandWidth, CV_8UC3, cv::Scalar::all(128)));
}

BandReading BandClassifier::classify(const cv::Mat& bgr, const Quad& row) {
  return classify_window(band_window(bgr, row));
}

BandReading BandClassifier::classify_window(const cv::Mat& window) {
  net_.setInput(band_input(window));
  const cv::Mat out = net_.forward().reshape(1, 1);
  if (out.cols != static_cast<int>(kBandClasses.size())) {
    throw EngineError("strip model " + path_ + " gives " + std::to_string(out.cols) + " outputs, not " +
                      std::to_string(kBandClasses.size()));
  }
  cv::Point best;
  double probability = 0;
  cv::minMaxLoc(out, nullptr, &probability, nullptr, &best);
  return {std::string(kBandClasses[static_cast<std::size_t>(best.x)]), probability};
}

std::string default_band_model() { return model_path("eu_band.onnx"); }

}  // namespace anpr::engine
