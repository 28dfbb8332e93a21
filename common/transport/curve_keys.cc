// CURVE key generation and validation on top of libzmq's Z85 and Curve25519
// helpers, with error messages that say which key is wrong and how.
#include "common/transport/curve_keys.h"

#include <zmq.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "common/transport/transport_error.h"

namespace anpr::transport {

namespace {

constexpr std::string_view kZ85Alphabet =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

}  // namespace

CurveKeyPair generate_curve_key_pair() {
  std::array<char, kZ85KeyLength + 1> public_key{};
  std::array<char, kZ85KeyLength + 1> secret_key{};
  if (zmq_curve_keypair(public_key.data(), secret_key.data()) != 0) {
    throw TransportError(std::string("cannot generate a CURVE key pair: ") + zmq_strerror(errno) +
                         " (libzmq built without CURVE support?)");
  }
  return {std::string(public_key.data(), kZ85KeyLength), std::string(secret_key.data(), kZ85KeyLength)};
}

void check_z85_key(std::string_view key, std::string_view what) {
  if (key.size() != kZ85KeyLength) {
    throw TransportError(std::string(what) + " has " + std::to_string(key.size()) + " characters, expected " +
                         std::to_string(kZ85KeyLength) + " (Z85-encoded CURVE key)");
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (kZ85Alphabet.find(key[i]) == std::string_view::npos) {
      throw TransportError(std::string(what) + " is not Z85: character " + std::to_string(i + 1) +
                           " is not in the Z85 alphabet");
    }
  }
  // The alphabet check lets through 5-character groups worth more than 2^32,
  // which libzmq's decoder rejects; ask it rather than duplicate its rule.
  std::array<std::uint8_t, kBinaryKeyLength> binary{};
  const std::string text(key);
  if (zmq_z85_decode(binary.data(), text.c_str()) == nullptr) {
    throw TransportError(std::string(what) + " is not Z85: a 5-character group is out of range");
  }
}

std::string public_key_of(std::string_view secret_key, std::string_view what) {
  check_z85_key(secret_key, what);
  std::array<char, kZ85KeyLength + 1> public_key{};
  const std::string secret(secret_key);
  if (zmq_curve_public(public_key.data(), secret.c_str()) != 0) {
    throw TransportError("cannot derive the public key of " + std::string(what) + ": " + zmq_strerror(errno));
  }
  return std::string(public_key.data(), kZ85KeyLength);
}

std::string z85_from_binary_key(std::string_view binary_key) {
  if (binary_key.size() != kBinaryKeyLength) {
    throw TransportError("binary CURVE key has " + std::to_string(binary_key.size()) + " bytes, expected " +
                         std::to_string(kBinaryKeyLength));
  }
  std::array<char, kZ85KeyLength + 1> text{};
  zmq_z85_encode(text.data(), reinterpret_cast<const std::uint8_t*>(binary_key.data()), binary_key.size());
  return std::string(text.data(), kZ85KeyLength);
}

}  // namespace anpr::transport
