// DeadlineRepository over MySQL/MariaDB.
//
// Thread safety: safe to call concurrently.
#ifndef FOI_LIBS_STORE_MYSQL_DEADLINE_REPOSITORY_H_
#define FOI_LIBS_STORE_MYSQL_DEADLINE_REPOSITORY_H_

#include "libs/store/connection_pool.h"
#include "libs/store/deadline_repository.h"

namespace foi::store {

class MysqlDeadlineRepository final : public DeadlineRepository {
 public:
  // `pool` must outlive the repository. Reports and due lists may be given
  // a pool on a read replica.
  explicit MysqlDeadlineRepository(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<DuePage> ListDue(const DueQuery& q) override;
  absl::StatusOr<std::vector<ReportCounts>> CountForReport(
      const ReportQuery& q) override;
  absl::StatusOr<std::vector<AlertCandidate>> ListAlertCandidates(
      absl::CivilDay until) override;
  absl::StatusOr<bool> RaiseAlert(const AlertCandidate& c,
                                  const std::string& kind, int level,
                                  absl::Time now) override;
  absl::StatusOr<std::vector<AlertRecord>> ListAlertsAfter(
      int64_t after_id, const std::string& unit, int limit) override;
  absl::StatusOr<int64_t> LatestAlertId() override;
  absl::StatusOr<std::optional<StoredCalendar>> LatestCalendar() override;
  absl::Status SaveCalendar(const StoredCalendar& c,
                            const std::string& loaded_by,
                            absl::Time now) override;

 private:
  ConnectionPool* const pool_;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_DEADLINE_REPOSITORY_H_
