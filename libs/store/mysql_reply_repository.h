// ReplyRepository over MySQL / MariaDB (tables of schema migration 7).
//
// Thread safety: safe to call concurrently.
#ifndef FOI_LIBS_STORE_MYSQL_REPLY_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_REPLY_REPOSITORY_H_

#include "libs/store/connection_pool.h"
#include "libs/store/reply_repository.h"

namespace foi::store {

class MysqlReplyRepository final : public ReplyRepository {
 public:
  // REQUIRES: `pool` outlives the repository.
  explicit MysqlReplyRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<std::optional<std::string>> GetDraftDetails(
      const std::string& case_id) override;
  absl::StatusOr<std::optional<casefile::IssuedLetter>> GetIssuedLetter(
      const std::string& case_id) override;
  absl::StatusOr<int64_t> NextDocumentSequence(int year) override;

 private:
  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_REPLY_REPOSITORY_H_
