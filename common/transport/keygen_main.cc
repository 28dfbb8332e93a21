// anpr-keygen: makes a CURVE key pair for an edge box or the central and
// writes it as <out>/<name>.key (public, to enrol in the central's allow-list
// or give to edges) and <out>/<name>.key_secret (mode 0600, stays on the box).
// Prints the public key so enrolment can be scripted. See docs/security.md.
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "common/transport/curve_keys.h"
#include "common/transport/key_files.h"
#include "common/transport/transport_error.h"

namespace {

constexpr std::string_view kUsage =
    "usage: anpr-keygen --out DIR --name NAME [--force]\n"
    "  writes DIR/NAME.key and DIR/NAME.key_secret (mode 0600) and prints the public key;\n"
    "  refuses to overwrite an existing pair unless --force is given\n";

struct Arguments {
  std::filesystem::path out;
  std::string name;
  bool force = false;
};

// nullopt (after saying why on stderr) when the command line is unusable.
std::optional<Arguments> parse_arguments(int argc, char** argv) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--force") {
      arguments.force = true;
    } else if (flag == "--out" && i + 1 < argc) {
      arguments.out = argv[++i];
    } else if (flag == "--name" && i + 1 < argc) {
      arguments.name = argv[++i];
    } else {
      std::cerr << "anpr-keygen: unexpected argument \"" << flag << "\"\n";
      return std::nullopt;
    }
  }
  if (arguments.out.empty() || arguments.name.empty()) {
    std::cerr << "anpr-keygen: --out and --name are required\n";
    return std::nullopt;
  }
  return arguments;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Arguments> arguments = parse_arguments(argc, argv);
  if (!arguments) {
    std::cerr << kUsage;
    return 2;
  }
  try {
    std::filesystem::create_directories(arguments->out);
    const anpr::transport::CurveKeyPair keys = anpr::transport::generate_curve_key_pair();
    const anpr::transport::KeyFilePaths paths =
        anpr::transport::save_key_pair(keys, arguments->out, arguments->name, arguments->force);
    std::cerr << "anpr-keygen: wrote " << paths.public_file.string() << " and " << paths.secret_file.string() << "\n";
    std::cout << keys.public_key << std::endl;
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "anpr-keygen: " << error.what() << "\n";
    return 1;
  }
}
