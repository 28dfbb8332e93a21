// CURVE key pairs on disk, in ZeroMQ's certificate layout: `<name>.key` holds
// the public key and may be copied anywhere; `<name>.key_secret` holds both
// keys and must be readable by its owner only. Loading refuses a secret file
// that others can read, the way ssh refuses an unprotected private key: a key
// that may have leaked is not one to keep using quietly.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/transport/curve_keys.h"

namespace anpr::transport {

struct KeyFilePaths {
  std::filesystem::path public_file;  // <dir>/<name>.key
  std::filesystem::path secret_file;  // <dir>/<name>.key_secret
};

// Where the pair called `name` lives in `dir`. `name` must be a plain file
// name ([A-Za-z0-9._-], not starting with '.'), typically the edge id.
KeyFilePaths key_file_paths(const std::filesystem::path& dir, std::string_view name);

// Writes both files, the secret one with mode 0600. Each file appears
// complete or not at all. Without `overwrite`, an existing file of the pair is
// an error and nothing is written.
KeyFilePaths save_key_pair(const CurveKeyPair& keys, const std::filesystem::path& dir, std::string_view name,
                           bool overwrite);

// The public key of a certificate file (a public or a secret one).
std::string load_public_key(const std::filesystem::path& file);

// Both keys of a secret certificate file, checked to belong together.
CurveKeyPair load_key_pair(const std::filesystem::path& secret_file);

}  // namespace anpr::transport
