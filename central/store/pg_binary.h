// How the store spells values in PostgreSQL's binary wire format, for the
// one place where text costs too much: the evidence JPEGs of a batch go to
// the server as a single binary bytea[] parameter, so 3 KB of image is
// 3 KB on the wire and a memcpy on the server, instead of 6 KB of hex that
// libpqxx escapes and PostgreSQL decodes again.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace anpr::store {

// A one-dimensional bytea[] in array_recv's format (big-endian: dimensions,
// null flag, element type oid 17, length and lower bound 1, then each
// element as length + bytes). An empty value is sent as NULL: the protocol
// has no way to send an empty image, it means "none".
std::string bytea_array_binary(std::span<const std::string_view> values);

}  // namespace anpr::store
