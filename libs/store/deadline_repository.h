// Queries and records about deadlines: due lists, the deadline report's
// counts, alerts, and the agency's calendars. Free of SQL for its callers.
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_DEADLINE_REPOSITORY_H_
#define FOI_LIBS_STORE_DEADLINE_REPOSITORY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/casefile/case_record.h"
#include "libs/casefile/deadline_report.h"

namespace foi::store {

struct DueQuery {
  // Open cases whose reply is due on or before this day (overdue included).
  absl::CivilDay due_on_or_before;
  std::string unit;      // empty: every unit
  std::string assignee;  // empty: everyone
  // REQUIRES: >= 1.
  int page_size = 50;
  // Keyset: return cases after (after_due, after_id) in (due, id) order.
  std::optional<absl::CivilDay> after_due;
  std::string after_id;
};

struct DuePage {
  std::vector<casefile::CaseRecord> cases;  // soonest due first
  bool has_more = false;
};

struct ReportQuery {
  absl::CivilDay as_of;
  // The last day that counts as "due within 3 working days" of as_of.
  absl::CivilDay soon_until;
  std::string unit;  // empty: every unit
};

// Counts of one (unit, officer) pair; officer empty for unassigned cases.
using ReportCounts = casefile::DeadlineCounts;

struct AlertCandidate {
  std::string case_id;
  std::string case_number;
  std::string unit;
  std::string assignee;
  absl::CivilDay reply_due_date;
  int alert_level = 0;  // 0 none, 1 due soon, 2 overdue
};

struct AlertRecord {
  int64_t id = 0;
  std::string case_id;
  std::string case_number;
  std::string kind;  // DUE_SOON or OVERDUE
  absl::CivilDay due_date;
  std::string unit;
  std::string assignee;
  absl::Time raise_time;
};

struct StoredCalendar {
  std::string version;
  std::string csv;
};

class DeadlineRepository {
 public:
  virtual ~DeadlineRepository() = default;
  DeadlineRepository(const DeadlineRepository&) = delete;
  DeadlineRepository& operator=(const DeadlineRepository&) = delete;

  // Open cases due on or before q.due_on_or_before, by (due date, id).
  virtual absl::StatusOr<DuePage> ListDue(const DueQuery& q) = 0;

  // The report's counts per (unit, officer), in unit then officer order.
  // Closed means replied or transferred; withdrawn cases are neither open
  // nor closed on time.
  virtual absl::StatusOr<std::vector<ReportCounts>> CountForReport(
      const ReportQuery& q) = 0;

  // Open cases due on or before `until` whose alert level is below 2.
  virtual absl::StatusOr<std::vector<AlertCandidate>> ListAlertCandidates(
      absl::CivilDay until) = 0;

  // Records an alert (once per case, kind and due date) and raises the
  // case's alert level to `level`. Returns whether a new alert was stored.
  virtual absl::StatusOr<bool> RaiseAlert(const AlertCandidate& c,
                                          const std::string& kind, int level,
                                          absl::Time now) = 0;

  // Alerts with id > after_id, oldest first, at most `limit`.
  virtual absl::StatusOr<std::vector<AlertRecord>> ListAlertsAfter(
      int64_t after_id, const std::string& unit, int limit) = 0;

  // The id of the newest alert, 0 if there is none.
  virtual absl::StatusOr<int64_t> LatestAlertId() = 0;

  // The newest stored calendar, or nullopt if none was ever loaded.
  virtual absl::StatusOr<std::optional<StoredCalendar>> LatestCalendar() = 0;

  // Stores a calendar as the newest.
  virtual absl::Status SaveCalendar(const StoredCalendar& c,
                                    const std::string& loaded_by,
                                    absl::Time now) = 0;

 protected:
  DeadlineRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_DEADLINE_REPOSITORY_H_
