// How much a format fit is worth as evidence that a read is a real plate.
// A shape that random text rarely fits (a Romanian county code, two digits,
// three letters) says far more about a read than one that almost any short
// text fits (a Latvian vanity plate: two to eight letters or digits). With
// weights set by hand the loosest format fitted most foreign reads and named
// their country, so what a fit is worth is derived from the shape:
//
//   bits(format, n)   = log2(36^n / fits(n)), fits(n) the number of
//                       n-character texts the shape accepts (Shape::count):
//                       the negated log-probability that a random text of n
//                       characters fits
//   evidence(bits)    = bits / kFullEvidenceBits, at most 1
//   fit_weight(f, n)  = f.weight (how common the series is) x evidence
//
// The length matters: Latvian "AB-1" (3.6 bits) is weaker evidence than
// "AB-1234" (9.1 bits), and the German and Austrian shapes fit one in five to
// eight of all four-character texts. Bits are scaled linearly, not turned
// into a likelihood ratio (2^bits): shapes only approximate what is issued
// and OCR confidences are not calibrated, so a very tight shape must not
// overrule a far more confident read. Values for every format are in
// docs/plate-formats.md.
#pragma once

#include <cstddef>

#include "common/plate/plate_format.h"
#include "common/plate/plate_shape.h"

namespace anpr::plate {

// A shape that only 1 in 2^12 random texts of its length fits is full
// evidence; below that, evidence falls linearly with the bits.
inline constexpr double kFullEvidenceBits = 12.0;

// bits(shape, length) as above; 0 when no text of that length fits.
double specificity_bits(const Shape& shape, std::size_t length);

// bits / kFullEvidenceBits clamped to [0, 1].
double evidence_weight(double bits);

// format.weight x evidence_weight(specificity_bits(format.shape, length)):
// what a fit of `length` characters to `format` is worth before the country
// prior. 0 for a length the format cannot have. Computed once per catalogue
// format and length.
double fit_weight(const PlateFormat& format, std::size_t length);

}  // namespace anpr::plate
