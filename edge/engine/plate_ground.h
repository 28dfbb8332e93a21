// Plates found by their ground rather than their characters: a light
// rectangle of a one-row plate's proportions, lighter than what is around
// it, with dark ink inside. On small or blurred plates (a 100 px plate in a
// 720p frame at speed, a night plate in bloom) the characters run into one
// another and into the plate's frame, so the row search of plate_detector.h
// finds no row, while the plate's light ground still stands out. The
// detector reads these after its rows, where no row was found.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "edge/engine/quad.h"

namespace anpr::engine {

// Outlines of light plate-shaped regions in `gray` (CV_8UC1), in its
// coordinates, the most contrasted first.
std::vector<Quad> light_plates(const cv::Mat& gray);

}  // namespace anpr::engine
