// Text of ZeroMQ certificate files ("zcert", as CZMQ's zcert_save writes them):
// ZPL (rfc.zeromq.org/spec/4) with the keys under a `curve` section. Using the
// established format means keys made by anpr-keygen, czmq or pyzmq's
// zmq.auth.create_certificates are interchangeable. Pure text in, text out;
// reading and writing the files is key_files.h's job.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/transport/curve_keys.h"

namespace anpr::transport {

// The public certificate: `curve/public-key` only, safe to hand out.
std::string render_public_zcert(std::string_view public_key);

// The secret certificate: both keys, as zcert stores them.
std::string render_secret_zcert(const CurveKeyPair& keys);

// Every value in a ZPL document keyed by its path ("curve/public-key").
// Throws TransportError naming the line on malformed input.
std::map<std::string, std::string> parse_zpl(std::string_view text);

}  // namespace anpr::transport
