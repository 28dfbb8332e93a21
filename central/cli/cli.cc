// Subcommand dispatch and exit statuses; see cli.h. Global options may come
// before the command words or anywhere after them.
#include "central/cli/cli.h"

#include <algorithm>

#include "central/cli/alert_commands.h"
#include "central/cli/audit_command.h"
#include "central/cli/cli_errors.h"
#include "central/cli/command.h"
#include "central/cli/edge_commands.h"
#include "central/cli/evidence_command.h"
#include "central/cli/history_command.h"
#include "central/cli/watchlist_commands.h"

namespace anpr::cli {

namespace {

const std::vector<OptionSpec> kGlobalOptions = {{"db"}, {"user"}, {"help", false}};

std::vector<Command> all_commands() {
  std::vector<Command> commands;
  for (auto group : {watchlist_commands, history_commands, evidence_commands, alert_commands, edge_commands,
                     audit_commands}) {
    for (Command& c : group()) commands.push_back(std::move(c));
  }
  return commands;
}

void write_usage(std::ostream& out, const std::vector<Command>& commands) {
  out << "usage: anpr-cli [--db CONNINFO] [--user NAME] COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& c : commands) out << "  " << c.usage << "\n      " << c.summary << "\n";
  out << "\n--db defaults to $ANPR_DB, --user to $USER. Times are UTC: 2026-11-25T08:00:00Z or 2026-11-25.\n"
         "Exit status: 0 done, 1 failed, 2 usage error. See docs/anpr-cli.md.\n";
}

// Moves the global options that precede the command words from the front
// of `rest` into `globals`.
void take_leading_globals(std::vector<std::string>& rest, std::vector<std::string>& globals) {
  std::size_t i = 0;
  while (i < rest.size() && rest[i].rfind("--", 0) == 0 && rest[i] != "--") {
    const std::string name = rest[i].substr(2, rest[i].find('=') - 2);
    auto spec = std::find_if(kGlobalOptions.begin(), kGlobalOptions.end(),
                             [&](const OptionSpec& o) { return o.name == name; });
    if (spec == kGlobalOptions.end()) break;
    const bool separate_value = spec->takes_value && rest[i].find('=') == std::string::npos;
    const std::size_t taken = separate_value && i + 1 < rest.size() ? 2 : 1;
    globals.insert(globals.end(), rest.begin() + i, rest.begin() + i + taken);
    i += taken;
  }
  rest.erase(rest.begin(), rest.begin() + i);
}

// The command whose words begin `rest` (the longest such), or nullptr.
const Command* find_command(const std::vector<Command>& commands, const std::vector<std::string>& rest) {
  const Command* best = nullptr;
  for (const Command& c : commands) {
    if (c.words.size() <= rest.size() && std::equal(c.words.begin(), c.words.end(), rest.begin()) &&
        (!best || c.words.size() > best->words.size())) {
      best = &c;
    }
  }
  return best;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

int run_command(const Command& command, std::vector<std::string> args, const Environment& env, std::ostream& out,
                std::ostream& err) {
  std::vector<OptionSpec> options = command.options;
  options.insert(options.end(), kGlobalOptions.begin(), kGlobalOptions.end());
  const Arguments parsed(args, options);
  if (parsed.flag("help")) {
    out << "usage: anpr-cli " << command.usage << "\n  " << command.summary << "\n";
    return 0;
  }
  const std::size_t n = parsed.positional().size();
  if (n < command.min_positional) throw UsageError("too few arguments");
  if (n > command.max_positional) {
    throw UsageError("unexpected argument '" + parsed.positional()[command.max_positional] + "'");
  }
  Session session(parsed.value("db") ? parsed.value("db") : env.database,
                  parsed.value("user") ? parsed.value("user") : env.user, out, err);
  return command.run(parsed, session);
}

}  // namespace

int run_cli(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err) {
  const std::vector<Command> commands = all_commands();
  std::vector<std::string> rest = args;
  std::vector<std::string> globals;
  take_leading_globals(rest, globals);
  const bool asked_for_help = std::find(globals.begin(), globals.end(), "--help") != globals.end();
  if (rest.empty() || rest[0] == "help") {
    const bool help = asked_for_help || !rest.empty();
    write_usage(help ? out : err, commands);
    return help ? 0 : 2;
  }
  const Command* command = find_command(commands, rest);
  if (!command) {
    err << "anpr-cli: unknown command '" << rest[0] << (rest.size() > 1 ? " " + rest[1] : "") << "'\n\n";
    write_usage(err, commands);
    return 2;
  }
  rest.erase(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(command->words.size()));
  rest.insert(rest.begin(), globals.begin(), globals.end());
  try {
    return run_command(*command, rest, env, out, err);
  } catch (const UsageError& e) {
    err << "anpr-cli: " << e.what() << "\nusage: anpr-cli " << command->usage << "\n";
    return 2;
  } catch (const std::exception& e) {
    out.flush();
    err << "anpr-cli: " << trimmed(e.what()) << "\n";
    return 1;
  }
}

}  // namespace anpr::cli
