// CaseRepository over MySQL/MariaDB (schema: schema_migrations.cc).
//
// Thread safety: safe to call concurrently; each call takes its own pooled
// connection.
#ifndef FOI_LIBS_STORE_MYSQL_CASE_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_CASE_REPOSITORY_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "libs/store/case_number_allocator.h"
#include "libs/store/case_repository.h"
#include "libs/store/connection_pool.h"

namespace foi::store {

class MysqlCaseRepository final : public CaseRepository {
 public:
  // `pool` must outlive the repository; `agency_prefix` heads every case
  // number (INVALID_ARGUMENT unless A-Z/0-9, 1..16 characters). Case numbers
  // are reserved in blocks through `numbers_pool`, a separate pool, so that
  // refilling a block never waits for a connection the caller already holds.
  static absl::StatusOr<std::unique_ptr<MysqlCaseRepository>> Create(
      ConnectionPool* pool, ConnectionPool* numbers_pool,
      std::string agency_prefix);

  absl::StatusOr<SubmitResult> Submit(const NewCase& c) override;
  absl::StatusOr<casefile::CaseRecord> Get(const std::string& case_id) override;
  absl::StatusOr<CasePage> List(const CaseQuery& q) override;
  absl::StatusOr<casefile::CaseRecord> ApplyTransition(
      const TransitionCommand& cmd) override;
  absl::StatusOr<CaseHistory> ListEvents(const std::string& case_id) override;
  absl::StatusOr<std::vector<casefile::CaseRecord>> ListOpenCases(
      const std::string& after_id, int limit) override;
  absl::StatusOr<QueuePage> ListQueue(const QueueQuery& q) override;
  absl::StatusOr<std::vector<std::string>> ListCorrectionOverdue(
      absl::CivilDay today) override;

 private:
  MysqlCaseRepository(ConnectionPool* pool, ConnectionPool* numbers_pool,
                      std::string agency_prefix);

  ConnectionPool* const pool_;
  const std::string agency_prefix_;
  CaseNumberAllocator numbers_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_CASE_REPOSITORY_H_
