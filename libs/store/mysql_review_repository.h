// ReviewRepository over MySQL / MariaDB (tables of schema migration 6).
//
// Thread safety: safe to call concurrently; each call takes its own pooled
// connection.
#ifndef FOI_LIBS_STORE_MYSQL_REVIEW_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_REVIEW_REPOSITORY_H_

#include "libs/store/connection_pool.h"
#include "libs/store/review_repository.h"

namespace foi::store {

class MysqlReviewRepository final : public ReviewRepository {
 public:
  // REQUIRES: `pool` outlives the repository.
  explicit MysqlReviewRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<std::vector<casefile::CaseDocument>> ListDocuments(
      const std::string& case_id) override;
  absl::StatusOr<casefile::CaseDocument> GetDocument(
      const std::string& case_id, const std::string& document_id) override;
  absl::StatusOr<std::vector<casefile::DocumentCoverage>> ListDocumentCoverage(
      const std::string& case_id) override;
  absl::StatusOr<casefile::Review> GetReview(
      const std::string& case_id, const std::string& review_id) override;
  absl::StatusOr<std::vector<casefile::Review>> ListReviews(
      const std::string& case_id) override;
  absl::StatusOr<casefile::Review> DecideFinding(
      const FindingDecisionCommand& cmd) override;
  absl::StatusOr<casefile::Review> AddFinding(
      const std::string& case_id, const std::string& review_id,
      int64_t expected_version, casefile::ReviewFinding finding) override;

 private:
  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_REVIEW_REPOSITORY_H_
