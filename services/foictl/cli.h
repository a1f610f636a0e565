// Plumbing shared by every foictl command: the connection settings, the
// channel, option and date parsing, and the output conventions (JSON on
// stdout, "error: CODE: message" on stderr with exit 1, usage on stderr with
// exit 2).
//
// Each *_commands.cc file exposes its commands through one of the functions
// at the end of this header; main.cc dispatches among them.
//
// Thread safety: none. foictl is single-threaded; main() sets the connection
// settings once before any command runs.
#ifndef FOI_SERVICES_FOICTL_CLI_H_
#define FOI_SERVICES_FOICTL_CLI_H_

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "foi/v1/case.pb.h"
#include "google/protobuf/message.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace foictl {

// One top-level command. `run` gets the positional arguments after the
// command name and the options (`--key=value` as {key, value}, a bare
// `--flag` as {flag, ""}); it erases the options it consumes, so that
// LeftoverOptions() can report the rest, and returns the exit code.
struct Command {
  const char* name;
  const char* usage;
  int (*run)(const std::vector<std::string>& positional,
             std::map<std::string, std::string>& opts);
};

// The server's HOST:PORT. Default: $FOI_ENDPOINT, else 127.0.0.1:50051.
extern std::string g_endpoint;
// The bearer token sent with every call; empty sends none. Default:
// $FOI_TOKEN.
extern std::string g_token;
// A PEM file of root certificates; non-empty switches the channel to TLS.
extern std::string g_tls_ca_file;

// Returns the environment variable `name`, or `fallback` if unset or empty.
std::string Env(const char* name, const char* fallback);

// Returns a channel to g_endpoint (TLS if g_tls_ca_file is set) with no limit
// on message size in either direction: documents of up to 16 MiB go up and
// redacted PDFs come back.
std::shared_ptr<grpc::Channel> Channel();

// Adds the bearer token to `ctx` and gives the call a 30-second deadline.
void Prepare(grpc::ClientContext& ctx);

// Prints "error: CODE: message" for `s` to stderr. Returns 1, the exit code.
int Fail(const grpc::Status& s);

// Prints `m` to stdout as indented proto3 JSON with proto field names.
// Returns 0, the exit code.
int Print(const google::protobuf::Message& m);

// Prints `text` to stderr. Returns 2, the exit code of a usage error.
int Usage(const std::string& text);

// Removes option `key` from `opts` and returns its value, or `fallback` if
// it was absent. Default: fallback is "".
std::string Opt(std::map<std::string, std::string>& opts,
                const std::string& key, const std::string& fallback = "");

// Parses `text` with a generated `*_Parse` function into `*out`. Returns
// false if `text` names no value of the enum; empty `text` leaves `*out`
// unchanged and returns true.
template <typename E>
bool ParseEnum(bool (*parse)(const std::string&, E*), const std::string& text,
               E* out) {
  return text.empty() || parse(text, out);
}

// Parses a strict YYYY-MM-DD ("2025-02-30" fails) into `*out`. Returns false
// on malformed text, leaving `*out` unchanged.
bool ParseDate(const std::string& text, foi::v1::Date* out);

// Removes --key from `opts` and parses it with a generated *_Parse function
// into `*out`, which keeps its value if the option is absent. Returns false,
// having named the option on stderr, if the value is unknown, or if the
// option is absent and `required`.
template <typename E>
bool EnumOpt(std::map<std::string, std::string>& opts, const std::string& key,
             bool (*parse)(const std::string&, E*), bool required, E* out) {
  const std::string text = Opt(opts, key);
  if (text.empty() && required) {
    std::cerr << "--" << key << " is required\n";
    return false;
  }
  if (ParseEnum(parse, text, out)) return true;
  std::cerr << "--" << key << ": unknown value '" << text << "'\n";
  return false;
}

// Returns `d` as YYYY-MM-DD, or "-" if it is unset (year 0).
std::string DateText(const foi::v1::Date& d);

// Prints "unknown option --KEY" to stderr for every entry of `opts`. Returns
// true if there was any.
bool LeftoverOptions(const std::map<std::string, std::string>& opts);

// Prints `rows` (the first one being the header) to stdout as a table aligned
// for a terminal, counting East Asian characters as two columns, or, with
// `csv`, as RFC 4180 CSV.
void PrintTable(const std::vector<std::vector<std::string>>& rows, bool csv);

// Reads the current etag of case `name` (cases/{id}) into `*etag`. On an RPC
// error prints it as Fail() does and returns false.
bool CurrentEtag(const std::string& name, std::string* etag);

// Sets `*etag` from --etag (removing it from `opts`) or, if absent, from
// CurrentEtag(name). Returns false, with the error printed, if that fails.
// The server still refuses a change that races another.
bool EtagFor(const std::string& name, std::map<std::string, std::string>& opts,
             std::string* etag);

// The commands of each group, in the order `foictl --help` lists them.
// submit, get, list, withdraw (IntakeService).
std::vector<Command> CaseCommands();
// queue, claim, assign, correction, consult, history (CaseworkService).
std::vector<Command> CaseworkCommands();
// due, report (DeadlineService) and calendar (AdminService.LoadCalendar).
std::vector<Command> DeadlineCommands();
// tokens (AdminService).
std::vector<Command> AdminCommands();
// screen, doc, review (ReviewService) and reply (ReplyService).
std::vector<Command> ReviewCommands();
// reply draft|render|issue, fee (reply_commands.cc).
std::vector<Command> ReplyCommands();

}  // namespace foictl

#endif  // FOI_SERVICES_FOICTL_CLI_H_
