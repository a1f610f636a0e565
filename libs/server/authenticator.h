// Authentication and authorisation of every call, in one place: a gRPC
// AuthMetadataProcessor that reads the bearer token, finds its principal and
// checks the AccessPolicy before any handler runs; a call it refuses never
// reaches a handler. Handlers learn who acts with PrincipalFromContext.
//
// Thread safety: Authenticate and Process may be called concurrently.
#ifndef FOI_LIBS_SERVER_AUTHENTICATOR_H_
#define FOI_LIBS_SERVER_AUTHENTICATOR_H_

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "libs/server/access_policy.h"
#include "libs/server/principal.h"
#include "libs/server/token_cache.h"

namespace foi::server {

class Authenticator final : public grpc::AuthMetadataProcessor {
 public:
  // `tokens` must outlive the authenticator.
  Authenticator(const TokenCache* tokens, AccessPolicy policy)
      : tokens_(tokens), policy_(std::move(policy)) {}

  // Decides a call to `full_method` carrying the `authorization` header
  // value `authorization` (empty when absent). Returns nullopt for an
  // anonymous method, the principal when allowed, UNAUTHENTICATED for a
  // missing, malformed, unknown or revoked token, and PERMISSION_DENIED when
  // the token's role may not call the method.
  absl::StatusOr<std::optional<Principal>> Authenticate(
      absl::string_view full_method, absl::string_view authorization) const;

  // grpc::AuthMetadataProcessor. Non-blocking: the cache is in memory.
  bool IsBlocking() const override { return false; }
  grpc::Status Process(const InputMetadata& auth_metadata,
                       grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

 private:
  const TokenCache* const tokens_;
  const AccessPolicy policy_;
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_AUTHENTICATOR_H_
