// Persistence of API bearer tokens. Only SHA-256 hashes of secrets are
// stored.
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_TOKEN_REPOSITORY_H_
#define FOI_LIBS_STORE_TOKEN_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/casefile/case_types.h"

namespace foi::store {

struct TokenRecord {
  std::string id;
  std::string token_hash;  // hex SHA-256 of the secret
  std::string display_name;
  casefile::Role role = casefile::Role::kUnspecified;
  std::string unit;
  std::string created_by;
  absl::Time create_time;
  std::optional<absl::Time> revoke_time;
};

class TokenRepository {
 public:
  virtual ~TokenRepository() = default;
  TokenRepository(const TokenRepository&) = delete;
  TokenRepository& operator=(const TokenRepository&) = delete;

  // Stores a token. ALREADY_EXISTS if its id or hash is taken.
  virtual absl::Status Create(const TokenRecord& t) = 0;

  // Stores `t` unless a token with its hash exists; either way OK.
  virtual absl::Status EnsureExists(const TokenRecord& t) = 0;

  // Returns tokens, newest first; revoked ones only if `include_revoked`.
  virtual absl::StatusOr<std::vector<TokenRecord>> List(
      bool include_revoked) = 0;

  // Returns the token with this secret hash, or NOT_FOUND.
  virtual absl::StatusOr<TokenRecord> FindByHash(
      const std::string& token_hash) = 0;

  // Revokes a token at `now` and returns it. NOT_FOUND if no such token;
  // FAILED_PRECONDITION if already revoked.
  virtual absl::StatusOr<TokenRecord> Revoke(const std::string& id,
                                             absl::Time now) = 0;

 protected:
  TokenRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_TOKEN_REPOSITORY_H_
