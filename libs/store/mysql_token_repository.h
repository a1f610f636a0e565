// TokenRepository over MySQL/MariaDB (table api_tokens).
//
// Thread safety: safe to call concurrently.
#ifndef FOI_LIBS_STORE_MYSQL_TOKEN_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_TOKEN_REPOSITORY_H_

#include "libs/store/connection_pool.h"
#include "libs/store/token_repository.h"

namespace foi::store {

class MysqlTokenRepository final : public TokenRepository {
 public:
  // `pool` must outlive the repository.
  explicit MysqlTokenRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::Status Create(const TokenRecord& t) override;
  absl::Status EnsureExists(const TokenRecord& t) override;
  absl::StatusOr<std::vector<TokenRecord>> List(bool include_revoked) override;
  absl::StatusOr<TokenRecord> FindByHash(
      const std::string& token_hash) override;
  absl::StatusOr<TokenRecord> Revoke(const std::string& id,
                                     absl::Time now) override;

 private:
  absl::Status Insert(const TokenRecord& t, bool ignore_duplicate);

  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_TOKEN_REPOSITORY_H_
