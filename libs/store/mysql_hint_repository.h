// HintRepository over MySQL / MariaDB (schema migration 9).
//
// Thread safety: safe to call concurrently.
#ifndef FOI_LIBS_STORE_MYSQL_HINT_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_HINT_REPOSITORY_H_

#include "libs/store/connection_pool.h"
#include "libs/store/hint_repository.h"

namespace foi::store {

class MysqlHintRepository final : public HintRepository {
 public:
  // REQUIRES: `pool` outlives the repository.
  explicit MysqlHintRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<std::vector<ApplicationRow>> ListUnchecked(
      const std::string& after_id, int limit) override;
  absl::StatusOr<std::vector<CatalogueMembers>> ListCatalogue() override;
  absl::Status WriteHints(const std::vector<CaseHints>& hints,
                          absl::Time now) override;
  absl::StatusOr<std::map<std::string, CaseHints>> LoadHints(
      const std::vector<std::string>& case_ids) override;

 private:
  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_HINT_REPOSITORY_H_
