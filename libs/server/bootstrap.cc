#include "libs/server/bootstrap.h"

#include <signal.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "grpcpp/security/auth_metadata_processor.h"

namespace foi::server {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool IsLoopbackHost(absl::string_view listen) {
  return absl::StartsWith(listen, "127.") ||
         absl::StartsWith(listen, "localhost:") ||
         absl::StartsWith(listen, "[::1]:") ||
         absl::StartsWith(listen, "unix:");
}

}  // namespace

absl::StatusOr<std::set<std::string>> ParseTargets(
    absl::string_view spec, const std::vector<std::string>& known) {
  std::set<std::string> targets;
  for (absl::string_view part : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    part = absl::StripAsciiWhitespace(part);
    if (part == "all") {
      targets.insert(known.begin(), known.end());
      continue;
    }
    bool found = false;
    for (const std::string& k : known) found |= (k == part);
    if (!found) {
      return absl::InvalidArgumentError(
          absl::StrCat("--targets: unknown target '", part, "'"));
    }
    targets.insert(std::string(part));
  }
  if (targets.empty()) {
    return absl::InvalidArgumentError("--targets: names no service");
  }
  return targets;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    absl::string_view listen, const std::string& tls_cert_file,
    const std::string& tls_key_file,
    std::shared_ptr<grpc::AuthMetadataProcessor> authenticator) {
  std::shared_ptr<grpc::ServerCredentials> creds;
  if (!tls_cert_file.empty() || !tls_key_file.empty()) {
    auto cert = ReadFile(tls_cert_file);
    if (!cert.ok()) return cert.status();
    auto key = ReadFile(tls_key_file);
    if (!key.ok()) return key.status();
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back({*key, *cert});
    creds = grpc::SslServerCredentials(options);
  } else if (IsLoopbackHost(listen)) {
    creds = grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "--listen=", listen,
        " is not a loopback address: give --tls_cert_file and --tls_key_file "
        "so bearer tokens are never sent in the clear"));
  }
  creds->SetAuthMetadataProcessor(std::move(authenticator));
  return creds;
}

void BlockTerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int WaitForTerminationSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

}  // namespace foi::server
