// The case aggregate as plain values: what intake receives (Application) and
// what a stored case holds (CaseRecord).
#ifndef FOI_LIBS_CASEFILE_CASE_RECORD_H_
#define FOI_LIBS_CASEFILE_CASE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "libs/casefile/case_types.h"
#include "libs/casefile/review.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::casefile {

// The applicant's personal data (Art. 29(1)).
struct Applicant {
  ApplicantType type = ApplicantType::kUnspecified;
  std::string name;
  IdentityDocumentType id_document_type = IdentityDocumentType::kUnspecified;
  std::string id_document_number;
  std::string contact_person;
  std::string phone;
  std::string email;
  std::string postal_address;
  std::string postal_code;
};

// What is asked for and how it is to be delivered (Art. 29(2), (3)).
struct ApplicationDetails {
  std::string information_description;
  std::string document_reference;
  DeliveryForm delivery_form = DeliveryForm::kUnspecified;
  DeliveryRoute delivery_route = DeliveryRoute::kUnspecified;
};

// An application as a front desk submits it, before validation.
struct Application {
  Applicant applicant;
  ApplicationDetails details;
  Channel channel = Channel::kUnspecified;
  // The receipt date the caller states (Art. 31); nullopt means today.
  std::optional<absl::CivilDay> receipt_date;
  // The unit to route to; empty means the server's default intake unit.
  std::string unit;
};

// A consultation of a third party (Art. 32) or another agency (Art. 34):
// the reply clock stands still while it runs.
struct Consultation {
  int sequence = 0;
  std::string kind;   // THIRD_PARTY or OTHER_AGENCY
  std::string party;  // who was consulted
  std::string reason;
  absl::CivilDay start_date;               // the letter went out
  std::optional<absl::CivilDay> end_date;  // the answer came in
};

// Where the one extension the law allows stands (Art. 33).
enum class ExtensionState {
  kNone,
  kPending,  // requested by an officer, waiting for a manager
  kApproved,
  kRejected,
};
const char* ExtensionStateName(ExtensionState s);  // "", PENDING, ...
std::optional<ExtensionState> ParseExtensionState(absl::string_view name);

// The clock inputs and their derived due dates, as stored with the case.
struct ClockState {
  // Art. 30: the corrected application arrived on this day; the reply
  // clock restarted from it.
  std::optional<absl::CivilDay> correction_received_date;
  // The applicant's deadline in the correction notice (Art. 30).
  std::optional<absl::CivilDay> correction_deadline;
  ExtensionState extension_state = ExtensionState::kNone;
  // Working days requested (pending) or granted (approved).
  int extension_days = 0;
  // Derived (libs/casefile/case_clocks.h); unset while the clock is paused
  // or stopped.
  std::optional<absl::CivilDay> reply_due_date;
  std::optional<absl::CivilDay> correction_notice_due_date;
  bool provisional = false;
  int suspended_working_days = 0;
  // Set when the case closes: the day, and working days the reply took
  // (consultations excluded).
  std::optional<absl::CivilDay> closed_date;
  std::optional<int> reply_working_days;
};

// The decided outcome of a case (Art. 36), set when the reply is drafted.
struct Disposition {
  rules::ReplyOutcome outcome = rules::ReplyOutcome::kUnspecified;
  rules::OutcomeReason reason = rules::OutcomeReason::kUnspecified;
  std::vector<rules::ExemptionGround> grounds;
  std::string summary;
  // What the letter says beyond the outcome (delivery, withheld parts, the
  // competent agency...), serialized by the reply service; opaque here.
  // Loaded only by ReplyRepository::GetDraft.
  std::string letter_details;
};

// A stored case.
struct CaseRecord {
  std::string id;           // the {case_id} of cases/{case_id}
  std::string case_number;  // FOI-2026-000042
  CaseState state = CaseState::kUnspecified;
  Applicant applicant;
  ApplicationDetails details;
  Channel channel = Channel::kUnspecified;
  absl::CivilDay receipt_date;
  std::string unit;
  std::string assignee;
  std::string created_by;
  ClockState clocks;
  // Loaded by CaseRepository::Get only (not by List).
  std::vector<Consultation> consultations;
  Disposition disposition;
  // The documents and their review coverage, for the release gate; loaded
  // only for the commands that need it (NeedsDocumentCoverage).
  std::optional<std::vector<DocumentCoverage>> documents;
  int64_t version = 0;  // bumped by every change; behind the etag
  absl::Time create_time;
  absl::Time update_time;
};

// Returns the etag for a case at `version` (AIP-154): opaque to clients.
std::string EtagForVersion(int64_t version);

// Returns the version an etag stands for, or nullopt if `etag` is not one of
// ours.
std::optional<int64_t> VersionFromEtag(const std::string& etag);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_RECORD_H_
