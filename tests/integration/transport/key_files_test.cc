// Key files on a real filesystem: a saved pair loads back, permissions are
// set and enforced, and every kind of bad file fails with a message that
// names the file and the problem.
#include "common/transport/key_files.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "common/transport/transport_error.h"
#include "tests/support/temp_dir.h"

namespace anpr::transport {
namespace {

class KeyFiles : public ::testing::Test {
 protected:
  ::anpr::testing::TempDir dir;
  CurveKeyPair keys = generate_curve_key_pair();

  std::filesystem::path write(const std::string& name, const std::string& text, mode_t mode) {
    const std::filesystem::path path = dir.path() / name;
    std::ofstream(path) << text;
    ::chmod(path.c_str(), mode);
    return path;
  }

  static std::string certificate(const std::string& public_key, const std::string& secret_key) {
    return "curve\n    public-key = \"" + public_key + "\"\n    secret-key = \"" + secret_key + "\"\n";
  }
};

mode_t mode_of(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

// Runs `load` and checks it throws a TransportError mentioning every string
// in `expected`.
template <typename Load>
void expect_error(Load load, std::initializer_list<std::string> expected) {
  try {
    load();
    ADD_FAILURE() << "no error";
  } catch (const TransportError& error) {
    for (const std::string& part : expected) {
      EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << error.what() << " lacks " << part;
    }
  }
}

TEST_F(KeyFiles, SavedPairLoadsBackWithOwnerOnlySecret) {
  const KeyFilePaths paths = save_key_pair(keys, dir.path(), "edge-riga-1", false);
  EXPECT_EQ(paths.public_file, dir.path() / "edge-riga-1.key");
  EXPECT_EQ(paths.secret_file, dir.path() / "edge-riga-1.key_secret");
  EXPECT_EQ(mode_of(paths.secret_file), 0600u);
  EXPECT_EQ(mode_of(paths.public_file), 0644u);

  EXPECT_EQ(load_public_key(paths.public_file), keys.public_key);
  const CurveKeyPair loaded = load_key_pair(paths.secret_file);
  EXPECT_EQ(loaded.public_key, keys.public_key);
  EXPECT_EQ(loaded.secret_key, keys.secret_key);

  std::ifstream public_file(paths.public_file);
  const std::string public_text((std::istreambuf_iterator<char>(public_file)), {});
  EXPECT_EQ(public_text.find(keys.secret_key), std::string::npos);
}

TEST_F(KeyFiles, RefusesToOverwriteUnlessAsked) {
  const KeyFilePaths paths = save_key_pair(keys, dir.path(), "central", false);
  const CurveKeyPair replacement = generate_curve_key_pair();
  expect_error([&] { save_key_pair(replacement, dir.path(), "central", false); },
               {paths.public_file.string(), "already exists"});
  EXPECT_EQ(load_key_pair(paths.secret_file).public_key, keys.public_key);

  save_key_pair(replacement, dir.path(), "central", true);
  EXPECT_EQ(load_key_pair(paths.secret_file).public_key, replacement.public_key);
  EXPECT_EQ(mode_of(paths.secret_file), 0600u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 2) << "temporary files left";
}

TEST_F(KeyFiles, RefusesNamesThatAreNotPlainFileNames) {
  expect_error([&] { save_key_pair(keys, dir.path(), "../edge", false); }, {"../edge", "not a plain file name"});
  expect_error([&] { save_key_pair(keys, dir.path(), "", false); }, {"not a plain file name"});
}

TEST_F(KeyFiles, MissingFileIsNamed) {
  const auto path = dir.path() / "nobody.key";
  expect_error([&] { load_public_key(path); }, {path.string(), "does not exist"});
  expect_error([&] { load_key_pair(dir.path() / "nobody.key_secret"); }, {"nobody.key_secret", "does not exist"});
}

TEST_F(KeyFiles, WrongLengthKeyIsRefused) {
  const auto path = write("short.key", "curve\n    public-key = \"abc\"\n", 0644);
  expect_error([&] { load_public_key(path); },
               {path.string(), "curve/public-key", "has 3 characters, expected 40"});
}

TEST_F(KeyFiles, NonZ85KeyIsRefused) {
  std::string bad = keys.public_key;
  bad[5] = ',';
  const auto path = write("bad.key", "curve\n    public-key = \"" + bad + "\"\n", 0644);
  expect_error([&] { load_public_key(path); }, {path.string(), "not Z85", "character 6"});
}

TEST_F(KeyFiles, MissingEntryAndBrokenSyntaxAreRefused) {
  const auto empty = write("empty.key", "# nothing here\nmetadata\n", 0644);
  expect_error([&] { load_public_key(empty); }, {empty.string(), "no curve/public-key entry"});
  const auto broken = write("broken.key", "curve\n   public-key = \"x\"\n", 0644);
  expect_error([&] { load_public_key(broken); }, {broken.string(), "line 2"});
}

TEST_F(KeyFiles, SecretReadableByOthersIsRefused) {
  const auto path = write("open.key_secret", certificate(keys.public_key, keys.secret_key), 0644);
  expect_error([&] { load_key_pair(path); }, {path.string(), "accessible by group or others", "0644"});
  ::chmod(path.c_str(), 0640);
  expect_error([&] { load_key_pair(path); }, {"0640"});
  ::chmod(path.c_str(), 0400);
  EXPECT_EQ(load_key_pair(path).secret_key, keys.secret_key);
}

TEST_F(KeyFiles, MismatchedPairIsRefused) {
  const CurveKeyPair other = generate_curve_key_pair();
  const auto path = write("mixed.key_secret", certificate(other.public_key, keys.secret_key), 0600);
  expect_error([&] { load_key_pair(path); }, {path.string(), "does not belong"});
  expect_error([&] { save_key_pair({other.public_key, keys.secret_key}, dir.path(), "mixed2", false); },
               {"does not belong"});
}

}  // namespace
}  // namespace anpr::transport
