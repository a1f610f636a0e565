// Who is calling: the token's identity, as the auth processor established it.
#ifndef FOI_LIBS_SERVER_PRINCIPAL_H_
#define FOI_LIBS_SERVER_PRINCIPAL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/server_context.h"
#include "libs/casefile/case_types.h"

namespace foi::server {

struct Principal {
  std::string token_id;
  std::string display_name;
  casefile::Role role = casefile::Role::kUnspecified;
  std::string unit;

  // The actor recorded in audit events: `tokens/{token_id}`.
  std::string Actor() const { return "tokens/" + token_id; }
};

class TokenCache;

// Returns the principal whose bearer token is in `authorization` ("Bearer
// <secret>"). UNAUTHENTICATED for a missing, malformed, unknown or revoked
// token.
absl::StatusOr<Principal> PrincipalForHeader(const TokenCache& tokens,
                                             absl::string_view authorization);

// Returns the principal of the call, from its `authorization` metadata. The
// Authenticator has already admitted the call; handlers use this to know who
// acts. UNAUTHENTICATED if the token was revoked in between.
//
// (gRPC's AuthContext is not used to carry the principal: with local
// credentials it belongs to the connection, so concurrent calls on one
// connection would share it.)
absl::StatusOr<Principal> PrincipalFromContext(
    const grpc::ServerContextBase& ctx, const TokenCache& tokens);

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_PRINCIPAL_H_
