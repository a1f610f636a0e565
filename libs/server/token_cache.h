// The active bearer tokens, in memory, keyed by the SHA-256 of the secret, so
// that authenticating a call never waits on the database.
//
// Freshness: Refresh() reloads the table; the server calls it every few
// seconds, and at once after it creates or revokes a token itself. A token
// made or revoked through another replica takes effect here on the next
// refresh.
//
// Thread safety: all methods may be called concurrently.
#ifndef FOI_LIBS_SERVER_TOKEN_CACHE_H_
#define FOI_LIBS_SERVER_TOKEN_CACHE_H_

#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "libs/server/principal.h"
#include "libs/store/token_repository.h"

namespace foi::server {

class TokenCache {
 public:
  // `tokens` must outlive the cache.
  explicit TokenCache(store::TokenRepository* tokens) : tokens_(tokens) {}

  // Reloads every active token. On error the previous contents stay.
  absl::Status Refresh();

  // Returns the principal of the token whose secret hashes to `hash`.
  std::optional<Principal> Lookup(const std::string& hash) const;

 private:
  store::TokenRepository* const tokens_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Principal> by_hash_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_TOKEN_CACHE_H_
