// A plate's outline in an image: four corners, not an axis-aligned box,
// because plates seen from a roadside camera are rolled and foreshortened and
// the rectifier needs the real corners to undo that. Corners run top-left,
// top-right, bottom-right, bottom-left as the plate is read.
#pragma once

#include <array>

#include <opencv2/core.hpp>

namespace anpr::engine {

struct Quad {
  std::array<cv::Point2f, 4> corners;
};

// The rotated rectangle of length `length` along unit direction `axis` and
// height `height` across it, centred on `centre`.
Quad oriented_quad(cv::Point2f centre, cv::Point2f axis, float length, float height);

// `quad` with every coordinate multiplied by `factor` (working scale back to
// the frame's).
Quad scaled(const Quad& quad, float factor);

// `quad` grown by `left`/`right` along its top edge and `top`/`bottom`
// across it, in px (negative values shrink it or move an edge inwards past
// the opposite one, which is how strips beside a quad are cut).
Quad grown(const Quad& quad, float left, float right, float top, float bottom);

// The pixels of `image` inside `quad`, warped to an upright `size`; where
// `shear` is not 0, sheared too (x' = x + shear * (y - size.height / 2)),
// which undoes that slant of the characters (rectifier.h, estimate_shear).
cv::Mat warp_quad(const cv::Mat& image, const Quad& quad, cv::Size size, int interpolation, double shear = 0);

// The smallest integer box holding every corner, clipped to `frame`.
cv::Rect bounding_box(const Quad& quad, const cv::Size& frame);

// The share of the smaller of two boxes that lies inside the other (0 when
// it is empty): how the detector and the engine tell one plate found twice.
double smaller_box_inside(const cv::Rect& a, const cv::Rect& b);

// Mean length of the top and bottom edges, and of the left and right edges.
float quad_width(const Quad& quad);
float quad_height(const Quad& quad);

}  // namespace anpr::engine
