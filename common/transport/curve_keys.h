// CURVE key pairs as ZeroMQ takes them: 40-character Z85 text for the 32-byte
// Curve25519 keys. Every key that enters the platform (from a file, a config
// or the central's allow-list) goes through check_z85_key() first, so a typo
// fails where it was made instead of as a silent handshake failure later.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace anpr::transport {

inline constexpr std::size_t kZ85KeyLength = 40;
inline constexpr std::size_t kBinaryKeyLength = 32;

struct CurveKeyPair {
  std::string public_key;  // Z85
  std::string secret_key;  // Z85
};

// A fresh pair from libzmq's CSPRNG.
CurveKeyPair generate_curve_key_pair();

// Throws TransportError unless `key` is 40 characters of valid Z85; `what`
// names the key in the message ("server public key", "key file x.key").
void check_z85_key(std::string_view key, std::string_view what);

// The public key belonging to a Z85 secret key.
std::string public_key_of(std::string_view secret_key, std::string_view what);

// Z85 text of a 32-byte binary key, as ZAP hands keys over in binary.
std::string z85_from_binary_key(std::string_view binary_key);

}  // namespace anpr::transport
