// What a command does to a case, decided purely: given the case as read and
// the command, PlanCommand consults the state machine table, checks the
// command's own rules (OGI Regulations Arts. 30-34, 36(5)) and returns the
// changes to write. The store then writes them in one transaction, provided
// the case is still at the version the plan was made from.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_CASE_COMMANDS_H_
#define FOI_LIBS_CASEFILE_CASE_COMMANDS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/calendar/working_day_calendar.h"
#include "libs/casefile/case_record.h"
#include "libs/casefile/reply.h"
#include "libs/casefile/state_machine.h"

namespace foi::casefile {

// Changes to write with a transition; unset fields stay as they are.
struct CaseChanges {
  std::optional<std::string> assignee;
  std::optional<std::string> unit;
  // Replaces the whole clock state.
  std::optional<ClockState> clocks;
  // Without `clocks`: only the closing day.
  std::optional<absl::CivilDay> closed_on;
  std::optional<Consultation> add_consultation;
  // (sequence, end date) of the consultation that ends.
  std::optional<std::pair<int, absl::CivilDay>> end_consultation;
  // kAddDocument: the document, with its content and text.
  std::optional<CaseDocument> add_document;
  // kStartReview: the new review with its findings.
  std::optional<Review> start_review;
  // kCompleteReview: the sign-off, written only if the review is still at
  // `expected_version` and open (ABORTED otherwise).
  struct ReviewSignOff {
    std::string review_id;
    int64_t expected_version = 0;
    ReviewConclusion conclusion = ReviewConclusion::kUnspecified;
    std::string summary;
    std::string completed_by;
    std::string digest;
  };
  std::optional<ReviewSignOff> complete_review;
  // kDraftReply: the decided outcome.
  std::optional<Disposition> disposition;
  // kIssueReply: the letter as sent, stored for good.
  std::optional<IssuedLetter> issue_letter;
};

struct CaseCommand {
  CaseAction action;
  Role role = Role::kUnspecified;
  // Who acts: the officer's name (becomes the assignee on a claim) and unit.
  std::string actor_name;
  std::string actor_unit;
  // Today in the agency's time zone.
  absl::CivilDay today;
  // kAssign: the officer.
  std::string assignee;
  // kTransferToUnit: the receiving unit.
  std::string target_unit;
  // kCloseAsOtherAgency: the competent agency's name and contact (Art. 36(5)).
  std::string other_agency;
  // Reason, note or outcome, as the action needs.
  std::string text;
  // kRequestCorrection: what to correct (Art. 30: all of it, at once).
  std::vector<std::string> correction_items;
  // kRequestCorrection: the applicant's deadline (required).
  // kSubmitCorrection: the day the correction arrived (default today).
  // kStart/kEndConsultation: the day the letter went out / the answer came
  // (default today).
  std::optional<absl::CivilDay> date;
  // kRequestExtension: working days asked for (Art. 33: 1..20).
  int working_days = 0;
  // kStartConsultation: THIRD_PARTY (Art. 32) or OTHER_AGENCY (Art. 34), and
  // who.
  std::string consultation_kind;
  std::string party;
  // kAddDocument: the document to attach (id, name, type, content, text,
  // hash and size set by the caller).
  std::optional<CaseDocument> document;
  // kStartReview: the review to open (findings from the screener).
  // kCompleteReview: the review as read, at the version the caller's etag
  // names, with `review_documents` for its digest.
  std::optional<Review> review;
  std::vector<CaseDocument> review_documents;
  ReviewConclusion conclusion = ReviewConclusion::kUnspecified;
  // kDraftReply: the outcome; `text` is its summary.
  rules::ReplyOutcome outcome = rules::ReplyOutcome::kUnspecified;
  rules::OutcomeReason reason = rules::OutcomeReason::kUnspecified;
  std::vector<rules::ExemptionGround> grounds;
  // kDraftReply: the letter's details (Disposition::letter_details).
  std::string letter_details;
  // kIssueReply: the rendered letter (case_id, number, text, html, pdf and
  // their hashes, issued_by, issue_time); `date` is the delivery date
  // (default today).
  std::optional<IssuedLetter> letter;
};

// True for the actions whose plan needs CaseRecord::documents loaded (the
// release gate).
bool NeedsDocumentCoverage(CaseAction action);

struct CasePlan {
  const Transition* transition = nullptr;
  CaseChanges changes;
  // The event's details, a JSON object.
  std::string payload_json;
};

// Returns the unit an actor is confined to: their own for OFFICER and
// MANAGER, none (nullopt: every unit) for the other roles.
std::optional<std::string> ScopeUnit(Role role, const std::string& unit);

// Plans `cmd` on `c`. PERMISSION_DENIED for a role the table does not allow
// or a case outside the actor's unit; FAILED_PRECONDITION for a state the
// table does not allow or a command whose own precondition fails (claiming
// an assigned case, no open consultation to end); INVALID_ARGUMENT naming
// the field for bad input.
absl::StatusOr<CasePlan> PlanCommand(const calendar::WorkingDayCalendar& cal,
                                     const CaseRecord& c,
                                     const CaseCommand& cmd);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_COMMANDS_H_
