// The anpr-keygen binary as an operator runs it: it writes a pair the daemons
// can load, prints the public key for enrolment, and will not silently
// replace an existing key.
#include <sys/stat.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "common/transport/key_files.h"
#include "tests/support/temp_dir.h"

namespace anpr::transport {
namespace {

struct KeygenRun {
  int exit_code;
  std::string out;  // stdout
  std::string err;  // stderr
};

class Keygen : public ::testing::Test {
 protected:
  ::anpr::testing::TempDir dir;

  KeygenRun keygen(const std::string& arguments) {
    const auto err_path = dir.path() / "stderr.txt";
    const std::string command = std::string(ANPR_KEYGEN_PATH) + " " + arguments + " 2>" + err_path.string();
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    KeygenRun run{};
    std::array<char, 256> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) run.out += buffer.data();
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path);
    run.err.assign(std::istreambuf_iterator<char>(err), {});
    return run;
  }

  std::string keys_dir() const { return (dir.path() / "keys").string(); }
};

TEST_F(Keygen, WritesALoadablePairAndPrintsItsPublicKey) {
  const KeygenRun run = keygen("--out " + keys_dir() + " --name edge-riga-1");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const KeyFilePaths paths = key_file_paths(keys_dir(), "edge-riga-1");
  const CurveKeyPair keys = load_key_pair(paths.secret_file);
  EXPECT_EQ(run.out, keys.public_key + "\n");
  EXPECT_EQ(load_public_key(paths.public_file), keys.public_key);
  struct stat info {};
  ASSERT_EQ(::stat(paths.secret_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
}

TEST_F(Keygen, RefusesToOverwriteWithoutForce) {
  const KeygenRun first = keygen("--out " + keys_dir() + " --name central");
  ASSERT_EQ(first.exit_code, 0) << first.err;

  const KeygenRun second = keygen("--out " + keys_dir() + " --name central");
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("already exists"), std::string::npos) << second.err;
  EXPECT_EQ(second.out, "");
  const auto secret_file = key_file_paths(keys_dir(), "central").secret_file;
  EXPECT_EQ(load_key_pair(secret_file).public_key + "\n", first.out);

  const KeygenRun forced = keygen("--force --out " + keys_dir() + " --name central");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out, first.out);
  EXPECT_EQ(load_key_pair(secret_file).public_key + "\n", forced.out);
}

TEST_F(Keygen, UsageErrorsExitWithTwo) {
  EXPECT_EQ(keygen("--out " + keys_dir()).exit_code, 2);
  EXPECT_EQ(keygen("--name x --bogus").exit_code, 2);
  const KeygenRun bad_name = keygen("--out " + keys_dir() + " --name ../escape");
  EXPECT_EQ(bad_name.exit_code, 1);
  EXPECT_NE(bad_name.err.find("not a plain file name"), std::string::npos) << bad_name.err;
}

}  // namespace
}  // namespace anpr::transport
