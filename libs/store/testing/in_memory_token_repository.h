// A TokenRepository in memory, for unit tests of code that reads tokens.
//
// Thread safety: all methods may be called concurrently.
#ifndef FOI_LIBS_STORE_TESTING_IN_MEMORY_TOKEN_REPOSITORY_H_
#define FOI_LIBS_STORE_TESTING_IN_MEMORY_TOKEN_REPOSITORY_H_

#include <algorithm>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "libs/store/token_repository.h"

namespace foi::testing {

class InMemoryTokenRepository final : public store::TokenRepository {
 public:
  absl::Status Create(const store::TokenRecord& t) override {
    absl::MutexLock lock(&mu_);
    for (const auto& x : tokens_) {
      if (x.id == t.id || x.token_hash == t.token_hash) {
        return absl::AlreadyExistsError("token exists");
      }
    }
    tokens_.push_back(t);
    return absl::OkStatus();
  }
  absl::Status EnsureExists(const store::TokenRecord& t) override {
    absl::Status s = Create(t);
    return absl::IsAlreadyExists(s) ? absl::OkStatus() : s;
  }
  absl::StatusOr<std::vector<store::TokenRecord>> List(
      bool include_revoked) override {
    absl::MutexLock lock(&mu_);
    std::vector<store::TokenRecord> out;
    for (const auto& t : tokens_) {
      if (include_revoked || !t.revoke_time.has_value()) out.push_back(t);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  absl::StatusOr<store::TokenRecord> FindByHash(
      const std::string& hash) override {
    absl::MutexLock lock(&mu_);
    for (const auto& t : tokens_) {
      if (t.token_hash == hash) return t;
    }
    return absl::NotFoundError("token not found");
  }
  absl::StatusOr<store::TokenRecord> Revoke(const std::string& id,
                                            absl::Time now) override {
    absl::MutexLock lock(&mu_);
    for (auto& t : tokens_) {
      if (t.id != id) continue;
      if (t.revoke_time) return absl::FailedPreconditionError("revoked");
      t.revoke_time = now;
      return t;
    }
    return absl::NotFoundError("token not found");
  }

 private:
  absl::Mutex mu_;
  std::vector<store::TokenRecord> tokens_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::testing

#endif  // FOI_LIBS_STORE_TESTING_IN_MEMORY_TOKEN_REPOSITORY_H_
