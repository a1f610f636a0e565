// Shared start-up of every foi-tracker server process: which services to
// host, transport security, health and reflection, graceful drain.
#ifndef FOI_LIBS_SERVER_BOOTSTRAP_H_
#define FOI_LIBS_SERVER_BOOTSTRAP_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/security/server_credentials.h"

namespace foi::server {

// Parses --targets: "all" or a comma list of names from `known`. Returns
// INVALID_ARGUMENT naming an unknown target or an empty list.
absl::StatusOr<std::set<std::string>> ParseTargets(
    absl::string_view spec, const std::vector<std::string>& known);

// Credentials for listening on `listen` (host:port). With a certificate and
// key: TLS. Without: local credentials, which accept only loopback peers, so
// bearer tokens never cross a network in the clear; a non-loopback address
// without TLS is INVALID_ARGUMENT. `authenticator` checks every call.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    absl::string_view listen, const std::string& tls_cert_file,
    const std::string& tls_key_file,
    std::shared_ptr<grpc::AuthMetadataProcessor> authenticator);

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts
// afterwards. REQUIRES: called in main before any thread starts.
void BlockTerminationSignals();

// Waits for SIGINT or SIGTERM and returns its number.
// REQUIRES: BlockTerminationSignals() was called.
int WaitForTerminationSignal();

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_BOOTSTRAP_H_
