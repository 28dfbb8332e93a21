// Where sightings go that central refused for good (docs/protocol.md,
// "Reject"): out of the spool, so they are not resent forever, but not
// deleted, because a refused sighting is a bug on one side or the other and
// the plate read may still matter. An operator finds each as
// <name>.sighting (the spooled protobuf bytes) with <name>.reason beside it
// (reason and central's detail); the name is the event id's text form.
#pragma once

#include <filesystem>
#include <string_view>

namespace anpr::daemon {

class DeadLetter {
 public:
  // Creates `dir` when missing; throws std::runtime_error naming it when it
  // cannot be created.
  explicit DeadLetter(std::filesystem::path dir);

  // Writes both files, each complete or not at all and synced, so the caller
  // may drop the sighting from the spool afterwards. Characters of `name`
  // other than letters, digits, '-' and '_' become '_'. Throws
  // std::runtime_error naming the file on failure.
  void store(std::string_view name, std::string_view payload, std::string_view reason) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

}  // namespace anpr::daemon
