// AnalyticsRepository over MySQL / MariaDB (schema migration 8).
//
// Thread safety: safe to call concurrently.
#ifndef FOI_LIBS_STORE_MYSQL_ANALYTICS_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_ANALYTICS_REPOSITORY_H_

#include "libs/store/analytics_repository.h"
#include "libs/store/connection_pool.h"

namespace foi::store {

class MysqlAnalyticsRepository final : public AnalyticsRepository {
 public:
  // REQUIRES: `pool` outlives the repository.
  explicit MysqlAnalyticsRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<std::vector<ReportRow>> ListReportRows(int year) override;
  absl::Status InsertAppeal(const AppealRow& a) override;
  absl::StatusOr<std::vector<AppealRow>> ListAppeals(int year) override;
  absl::StatusOr<std::vector<ApplicationRow>> ListApplications(
      const std::string& after_id, int limit) override;
  absl::StatusOr<std::vector<ApplicationRow>> ListApplicationsReceived(
      int year, std::optional<std::pair<absl::CivilDay, std::string>> after,
      int limit) override;
  absl::StatusOr<int> UpsertCandidates(
      const std::vector<CandidateRow>& candidates, absl::Time now) override;
  absl::StatusOr<std::vector<CandidateRow>> ListCandidates(
      CandidateState state, std::optional<std::pair<double, std::string>> after,
      int limit) override;
  absl::StatusOr<CandidateRow> DecideCandidate(
      const std::string& id, CandidateState decision, const std::string& reason,
      const std::string& actor, const std::optional<DisclosureRow>& disclosure,
      absl::Time now) override;
  absl::StatusOr<std::vector<DisclosureRow>> ListDisclosures(
      std::optional<std::pair<absl::Time, std::string>> after,
      int limit) override;
  absl::Status RecordRun(absl::Time started, absl::Time finished,
                         const std::string& watermark, int applications,
                         int clusters, int candidates) override;

 private:
  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_ANALYTICS_REPOSITORY_H_
