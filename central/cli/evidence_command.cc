// The evidence subcommand; see evidence_command.h.
#include "central/cli/evidence_command.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "central/cli/cli_errors.h"
#include "central/evidence/evidence_reader.h"
#include "central/store/evidence_lookup.h"
#include "common/uuid/uuid.h"

namespace anpr::cli {

namespace {

constexpr const char* kDefaultEvidenceDir = "/var/lib/anpr-central/evidence";

std::filesystem::path evidence_dir(const Arguments& args) {
  if (std::optional<std::string> dir = args.value("evidence-dir")) return *dir;
  if (const char* dir = std::getenv("ANPR_EVIDENCE_DIR"); dir != nullptr && *dir != '\0') return dir;
  return kDefaultEvidenceDir;
}

void write_image(Session& s, const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw CommandError("cannot write " + path.string());
  s.out << "wrote " << path.string() << " (" << bytes.size() << " bytes)\n";
}

int evidence(const Arguments& args, Session& s) {
  const std::string& text = args.positional()[0];
  const std::optional<std::string> event_id = uuid::from_text(text);
  if (!event_id) throw UsageError("'" + text + "' is not an event id (a UUID such as those `history` prints)");
  const std::string reason =
      args.required("reason", "looking at a vehicle's images needs a justification (case number), audited");
  const std::filesystem::path out_dir = args.value("out").value_or(".");
  if (!std::filesystem::is_directory(out_dir)) throw UsageError("--out " + out_dir.string() + " is not a directory");

  std::optional<store::StoredEvidence> found;
  try {
    found = store::find_evidence(s.db(), *event_id, {s.user(), reason}, evidence_dir(args));
  } catch (const evidence_store::EvidenceError& e) {
    throw CommandError(std::string("images of sighting ") + text + " cannot be read: " + e.what());
  }
  if (!found) throw CommandError("no images stored for sighting " + text);
  const std::string& plate = found->images.plate_jpeg;
  const std::string& overview = found->images.overview_jpeg;
  const std::string name = uuid::to_text(*event_id);
  if (!plate.empty()) write_image(s, out_dir / (name + "-plate.jpg"), plate);
  if (!overview.empty()) write_image(s, out_dir / (name + "-overview.jpg"), overview);
  return 0;
}

}  // namespace

std::vector<Command> evidence_commands() {
  return {{{"evidence"},
           "evidence EVENT_ID --reason WHY [--out DIR] [--evidence-dir DIR]",
           "write a sighting's plate and overview images to DIR (default .); audited",
           {{"reason"}, {"out"}, {"evidence-dir"}},
           1,
           1,
           evidence}};
}

}  // namespace anpr::cli
