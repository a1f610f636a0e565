#include "libs/server/token_cache.h"

#include <utility>

namespace foi::server {

absl::Status TokenCache::Refresh() {
  auto tokens = tokens_->List(/*include_revoked=*/false);
  if (!tokens.ok()) return tokens.status();
  absl::flat_hash_map<std::string, Principal> fresh;
  for (const store::TokenRecord& t : *tokens) {
    fresh[t.token_hash] = Principal{t.id, t.display_name, t.role, t.unit};
  }
  absl::MutexLock lock(&mu_);
  by_hash_ = std::move(fresh);
  return absl::OkStatus();
}

std::optional<Principal> TokenCache::Lookup(const std::string& hash) const {
  absl::ReaderMutexLock lock(&mu_);
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

}  // namespace foi::server
