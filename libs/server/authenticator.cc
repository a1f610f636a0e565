#include "libs/server/authenticator.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/common/sha256.h"
#include "libs/server/grpc_status.h"

namespace foi::server {
namespace {

absl::string_view Find(const grpc::AuthMetadataProcessor::InputMetadata& md,
                       absl::string_view key) {
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return absl::string_view(it->second.data(), it->second.size());
}

}  // namespace

absl::StatusOr<Principal> PrincipalForHeader(const TokenCache& tokens,
                                             absl::string_view authorization) {
  absl::string_view secret = authorization;
  if (secret.size() < 7 ||
      !absl::EqualsIgnoreCase(secret.substr(0, 7), "bearer ")) {
    return absl::UnauthenticatedError(
        "authorization: expected 'Bearer <token>'");
  }
  secret = absl::StripAsciiWhitespace(secret.substr(7));
  if (secret.empty()) {
    return absl::UnauthenticatedError("authorization: empty token");
  }
  std::optional<Principal> principal = tokens.Lookup(Sha256Hex(secret));
  if (!principal.has_value()) {
    return absl::UnauthenticatedError(
        "authorization: unknown or revoked token");
  }
  return *std::move(principal);
}

absl::StatusOr<Principal> PrincipalFromContext(
    const grpc::ServerContextBase& ctx, const TokenCache& tokens) {
  const auto& md = ctx.client_metadata();
  auto it = md.find("authorization");
  if (it == md.end()) {
    return absl::UnauthenticatedError("authorization: missing");
  }
  return PrincipalForHeader(
      tokens, absl::string_view(it->second.data(), it->second.size()));
}

absl::StatusOr<std::optional<Principal>> Authenticator::Authenticate(
    absl::string_view full_method, absl::string_view authorization) const {
  if (policy_.IsAnonymous(full_method)) return std::nullopt;
  absl::StatusOr<Principal> principal =
      PrincipalForHeader(*tokens_, authorization);
  if (!principal.ok()) return principal.status();
  absl::Status allowed = policy_.Check(full_method, principal->role);
  if (!allowed.ok()) return allowed;
  return *std::move(principal);
}

grpc::Status Authenticator::Process(const InputMetadata& auth_metadata,
                                    grpc::AuthContext* /*context*/,
                                    OutputMetadata* /*consumed_auth_metadata*/,
                                    OutputMetadata* /*response_metadata*/) {
  auto decision = Authenticate(Find(auth_metadata, ":path"),
                               Find(auth_metadata, "authorization"));
  return decision.ok() ? grpc::Status::OK : ToGrpcStatus(decision.status());
}

}  // namespace foi::server
