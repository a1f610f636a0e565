// foictl: the command-line client of foi-tracker.
//
//   foictl [--endpoint=HOST:PORT] [--token=SECRET] COMMAND [ARGS] [--help]
//
// The endpoint and token may also come from FOI_ENDPOINT and FOI_TOKEN.
// Results print as JSON (proto3 JSON mapping); errors print as
// "error: CODE: message" and exit 1; usage errors exit 2.
//
// This file only parses the command line and dispatches; the commands live in
// the *_commands.cc files beside it.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "services/foictl/cli.h"

namespace {

using foictl::Command;

// Every command, in the order the usage lists them.
std::vector<Command> AllCommands() {
  std::vector<Command> all;
  for (auto group : {foictl::CaseworkCommands, foictl::DeadlineCommands,
                     foictl::CaseCommands, foictl::AdminCommands,
                     foictl::ReviewCommands, foictl::ReplyCommands}) {
    for (const Command& c : group()) all.push_back(c);
  }
  return all;
}

int MainUsage(const std::vector<Command>& commands) {
  std::cerr << "foictl [--endpoint=HOST:PORT] [--token=SECRET] "
               "[--tls-ca-file=PEM] COMMAND [ARGS]\n"
               "  endpoint and token default to $FOI_ENDPOINT "
               "(127.0.0.1:50051) and $FOI_TOKEN\n"
               "commands:\n";
  for (const Command& c : commands) std::cerr << "  " << c.name << "\n";
  std::cerr << "'foictl COMMAND --help' explains each.\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  foictl::g_endpoint = foictl::Env("FOI_ENDPOINT", "127.0.0.1:50051");
  foictl::g_token = foictl::Env("FOI_TOKEN", "");
  std::vector<std::string> positional;
  std::map<std::string, std::string> opts;
  bool help = false;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
    } else if (absl::ConsumePrefix(&arg, "--")) {
      const size_t eq = arg.find('=');
      const std::string key(arg.substr(0, eq));
      const std::string value(
          eq == absl::string_view::npos ? "" : arg.substr(eq + 1));
      // Options before the command configure the connection; after it they
      // belong to the command.
      if (positional.empty() && key == "endpoint") {
        foictl::g_endpoint = value;
      } else if (positional.empty() && key == "token") {
        foictl::g_token = value;
      } else if (positional.empty() && key == "tls-ca-file") {
        foictl::g_tls_ca_file = value;
      } else {
        opts[key] = value;
      }
    } else {
      positional.emplace_back(arg);
    }
  }
  const std::vector<Command> commands = AllCommands();
  if (positional.empty()) return MainUsage(commands);
  for (const Command& c : commands) {
    if (positional[0] != c.name) continue;
    if (help) {
      std::cout << c.usage;
      return 0;
    }
    positional.erase(positional.begin());
    return c.run(positional, opts);
  }
  std::cerr << "unknown command '" << positional[0] << "'\n";
  return MainUsage(commands);
}
