// Persistence for analytics: the rows the annual report counts, appeals,
// disclosure candidates and the proactive-disclosure catalogue, and the
// applications the foi-analytics job reads.
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_ANALYTICS_REPOSITORY_H_
#define FOI_LIBS_STORE_ANALYTICS_REPOSITORY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/casefile/case_record.h"

namespace foi::store {

// One case as the annual report counts it.
struct ReportRow {
  casefile::ApplicantType applicant_type =
      casefile::ApplicantType::kUnspecified;
  absl::CivilDay receipt_date;
  std::optional<absl::CivilDay> closed_date;
  casefile::CaseState state = casefile::CaseState::kUnspecified;
  casefile::Disposition disposition;
};

struct AppealRow {
  std::string id;
  std::string case_id;
  std::string kind;    // RECONSIDERATION, LITIGATION_DIRECT, ...
  std::string result;  // UPHELD, CORRECTED, OTHER_RESULT, PENDING
  absl::CivilDay filed_date;
  std::optional<absl::CivilDay> decided_date;
  std::string created_by;
  absl::Time create_time;
};

// One application as the clustering job reads it.
struct ApplicationRow {
  std::string case_id;
  absl::CivilDay receipt_date;
  std::string description;
  // Who applied: the identity document number (distinct applicants).
  std::string applicant_key;
  casefile::CaseState state = casefile::CaseState::kUnspecified;
  std::string outcome;  // a rules::ReplyOutcome code, or empty
};

enum class CandidateState { kProposed, kAccepted, kRejected };
const char* CandidateStateName(CandidateState s);  // PROPOSED, ...

struct CandidateRow {
  std::string id;
  // The earliest member case: the candidate's identity across runs.
  std::string cluster_key;
  CandidateState state = CandidateState::kProposed;
  std::string representative;
  std::vector<std::string> case_ids;  // oldest first
  int applicant_count = 0;
  std::map<std::string, int> outcomes;
  absl::CivilDay first_receipt_date;
  absl::CivilDay last_receipt_date;
  double score = 0;
  std::string decided_by;
  std::string reason;
  std::string disclosure_id;
};

struct DisclosureRow {
  std::string id;
  std::string title;
  std::string location;
  std::string candidate_id;
  std::string created_by;
  absl::Time create_time;
};

class AnalyticsRepository {
 public:
  virtual ~AnalyticsRepository() = default;
  AnalyticsRepository(const AnalyticsRepository&) = delete;
  AnalyticsRepository& operator=(const AnalyticsRepository&) = delete;

  // Cases that count in `year`'s report: received by Dec 31 and not closed
  // before Jan 1.
  virtual absl::StatusOr<std::vector<ReportRow>> ListReportRows(int year) = 0;

  // NOT_FOUND if the case does not exist.
  virtual absl::Status InsertAppeal(const AppealRow& a) = 0;
  // Appeals filed in `year`.
  virtual absl::StatusOr<std::vector<AppealRow>> ListAppeals(int year) = 0;

  // Up to `limit` applications whose ids sort after `after_id`, id order.
  virtual absl::StatusOr<std::vector<ApplicationRow>> ListApplications(
      const std::string& after_id, int limit) = 0;

  // Up to `limit` applications received in `year` (receipt_date from Jan 1
  // to Dec 31), in (receipt_date, case_id) order, after `after` (the last
  // row's receipt_date and case_id; nullopt for the first page). Keyed like
  // the receipt-date index, so each page is one index range read.
  virtual absl::StatusOr<std::vector<ApplicationRow>> ListApplicationsReceived(
      int year, std::optional<std::pair<absl::CivilDay, std::string>> after,
      int limit) = 0;

  // Writes the candidates of one run in one transaction: a candidate whose
  // cluster_key exists is updated (members, counts, score) unless decided;
  // a new one is inserted. Returns how many were inserted.
  virtual absl::StatusOr<int> UpsertCandidates(
      const std::vector<CandidateRow>& candidates, absl::Time now) = 0;

  // Candidates in `state`, by score descending then id; keyset paging after
  // (score, id).
  virtual absl::StatusOr<std::vector<CandidateRow>> ListCandidates(
      CandidateState state, std::optional<std::pair<double, std::string>> after,
      int limit) = 0;

  // NOT_FOUND; FAILED_PRECONDITION unless PROPOSED. With kAccepted inserts
  // `disclosure` into the catalogue in the same transaction.
  virtual absl::StatusOr<CandidateRow> DecideCandidate(
      const std::string& id, CandidateState decision, const std::string& reason,
      const std::string& actor, const std::optional<DisclosureRow>& disclosure,
      absl::Time now) = 0;

  // The catalogue, newest first, after (create_time, id).
  virtual absl::StatusOr<std::vector<DisclosureRow>> ListDisclosures(
      std::optional<std::pair<absl::Time, std::string>> after, int limit) = 0;

  // Records a finished job run.
  virtual absl::Status RecordRun(absl::Time started, absl::Time finished,
                                 const std::string& watermark, int applications,
                                 int clusters, int candidates) = 0;

 protected:
  AnalyticsRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_ANALYTICS_REPOSITORY_H_
