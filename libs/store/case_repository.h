// Persistence of cases: the interface services use, free of SQL.
//
// Every mutating method runs one transaction in which the case change and its
// audit event commit together or not at all, and returns only after COMMIT.
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_CASE_REPOSITORY_H_
#define FOI_LIBS_STORE_CASE_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/casefile/case_commands.h"
#include "libs/casefile/case_filter.h"
#include "libs/casefile/case_record.h"
#include "libs/casefile/event_chain.h"
#include "libs/casefile/state_machine.h"

namespace foi::store {

// A validated application ready to be stored.
struct NewCase {
  // REQUIRES: passed casefile::ValidateApplication (receipt date and unit
  // set).
  casefile::Application application;
  // The client's idempotency key and a hash of what it submitted under it.
  std::string request_id;
  std::string request_hash;
  // The new case's id (from the IdGenerator) and the principal submitting.
  std::string case_id;
  std::string actor;
  absl::Time now;
  // The clocks computed for the new case (due dates of the reply and of the
  // correction notice).
  casefile::ClockState clocks;
};

struct SubmitResult {
  casefile::CaseRecord record;
  // True when `request_id` had been used before with the same request: the
  // stored case is returned and nothing was written.
  bool replayed = false;
};

struct CaseQuery {
  casefile::CaseFilter filter;
  // REQUIRES: 1 <= page_size.
  int page_size = 50;
  // Return only cases whose id sorts after this one (keyset paging); empty
  // for the first page.
  std::string after_id;
};

struct CasePage {
  std::vector<casefile::CaseRecord> cases;  // in id (= creation) order
  bool has_more = false;
};

// One page of an officer's queue: open cases in (reply due, receipt, id)
// order, cases whose clock is stopped last.
struct QueueQuery {
  std::string unit;      // empty: every unit
  std::string assignee;  // with only_unassigned false: empty means anyone
  bool only_unassigned = false;
  std::optional<casefile::CaseState> state;
  // REQUIRES: >= 1.
  int page_size = 50;
  // Keyset: the (queue due, receipt date, id) of the last entry seen.
  std::optional<absl::CivilDay> after_due;
  std::optional<absl::CivilDay> after_receipt;
  std::string after_id;
};

struct QueueItem {
  casefile::CaseRecord record;
  // For a case in consultation: THIRD_PARTY or OTHER_AGENCY.
  std::string consultation_kind;
  // Its place in the queue order (for the next page's key).
  absl::CivilDay queue_due;
};

struct QueuePage {
  std::vector<QueueItem> items;
  bool has_more = false;
};

// A state change of the case machine (libs/casefile/state_machine.h).
struct TransitionCommand {
  std::string case_id;
  // The version the caller read (from its etag).
  int64_t expected_version = 0;
  casefile::CaseAction action;
  casefile::Role role;
  std::string actor;
  // The event's details, a JSON object.
  std::string payload_json;
  absl::Time now;
  // What else changes (planned by the caller from the case it read at
  // expected_version; see casefile::PlanCommand).
  casefile::CaseChanges changes;
  // When set, the case must belong to this unit (OFFICER and MANAGER act
  // only on their unit's cases): PERMISSION_DENIED otherwise.
  std::optional<std::string> scope_unit;
};

struct CaseHistory {
  std::vector<casefile::CaseEventRecord> events;  // in sequence order
  casefile::ChainVerification verification;
};

class CaseRepository {
 public:
  virtual ~CaseRepository() = default;
  CaseRepository(const CaseRepository&) = delete;
  CaseRepository& operator=(const CaseRepository&) = delete;

  // Stores a new case with its applicant and its CREATED event, numbering it
  // `{prefix}-{year of receipt}-{sequence}`. Idempotent on request_id: the
  // same id with the same request_hash returns the stored case (replayed);
  // with another hash returns ALREADY_EXISTS. UNAVAILABLE when the database
  // is unreachable; the outcome is then unknown and the client retries with
  // the same request_id.
  virtual absl::StatusOr<SubmitResult> Submit(const NewCase& c) = 0;

  // Returns the case with its consultations, or NOT_FOUND.
  virtual absl::StatusOr<casefile::CaseRecord> Get(
      const std::string& case_id) = 0;

  // Returns one page of cases matching the query, in creation order
  // (consultations not loaded).
  virtual absl::StatusOr<CasePage> List(const CaseQuery& q) = 0;

  // Applies a transition: NOT_FOUND if no such case; PERMISSION_DENIED
  // outside cmd.scope_unit; ABORTED if the case's
  // version is not cmd.expected_version (nothing changes); PERMISSION_DENIED
  // or FAILED_PRECONDITION as casefile::DecideTransition decides. Returns the
  // changed case.
  virtual absl::StatusOr<casefile::CaseRecord> ApplyTransition(
      const TransitionCommand& cmd) = 0;

  // Returns up to `limit` open cases (not closed) whose ids sort after
  // `after_id`, in id order, with their consultations.
  virtual absl::StatusOr<std::vector<casefile::CaseRecord>> ListOpenCases(
      const std::string& after_id, int limit) = 0;

  // Returns one page of a queue.
  virtual absl::StatusOr<QueuePage> ListQueue(const QueueQuery& q) = 0;

  // Ids of cases awaiting a correction whose deadline is before `today`.
  virtual absl::StatusOr<std::vector<std::string>> ListCorrectionOverdue(
      absl::CivilDay today) = 0;

  // Returns the case's audit trail and whether its hash chain verifies.
  // NOT_FOUND if no such case.
  virtual absl::StatusOr<CaseHistory> ListEvents(
      const std::string& case_id) = 0;

 protected:
  CaseRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_CASE_REPOSITORY_H_
