// The case state machine as data: one table says, for every action, which
// roles may take it, from which states, to which state, what it does to the
// statutory clocks, and which event it records. Handlers and the store
// consult it; nothing else decides.
//
// Thread safety: free functions over constant data.
#ifndef FOI_LIBS_CASEFILE_STATE_MACHINE_H_
#define FOI_LIBS_CASEFILE_STATE_MACHINE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/casefile/case_types.h"

namespace foi::casefile {

enum class CaseAction {
  // The applicant withdraws the application (front desk records it).
  kWithdraw,
  // An officer asks for the one extension of Art. 33.
  kRequestExtension,
  // The head of the OGI office (a manager) approves or rejects it.
  kApproveExtension,
  kRejectExtension,
  // A newer calendar moved the due dates (no change of state).
  kRecomputeClocks,
  // An officer takes an unassigned case of the unit.
  kClaim,
  // A manager gives the case to an officer.
  kAssign,
  // The one-time correction notice goes out (Art. 30).
  kRequestCorrection,
  // The corrected application arrives (Art. 30): the reply clock restarts.
  kSubmitCorrection,
  // No correction by the deadline (Art. 30): deemed withdrawn.
  kDeemWithdrawn,
  // A third party (Art. 32) or another agency (Art. 34) is consulted.
  kStartConsultation,
  kEndConsultation,
  // Passed to another unit of the agency.
  kTransferToUnit,
  // Closed: the information is another agency's to disclose (Art. 36(5)).
  kCloseAsOtherAgency,
  // A note on the file.
  kAddNote,
  // A document to release is attached (Art. 45: registered with the case).
  kAddDocument,
  // Documents go to confidentiality review (Art. 17).
  kStartReview,
  // A reviewer who did not draft the release signs the review off.
  kCompleteReview,
  // The outcome is decided and the reply drafted (Art. 36); a disclosing
  // outcome must pass the release gate (libs/casefile/review.h).
  kDraftReply,
  // The reply letter goes out; the case closes.
  kIssueReply,
};

// What an action does to the reply clock.
enum class ClockEffect {
  kNone,
  kStop,       // waiting for the applicant's correction: no reply clock
  kRestart,    // counting starts again from the correction (Art. 30)
  kSuspend,    // a consultation stops the clock (Art. 33 para 3)
  kResume,     // the consultation ended
  kExtend,     // the approved extension is added (Art. 33)
  kRecompute,  // recomputed on a newer calendar
  kClose,      // the case closed
};

struct Transition {
  CaseAction action;
  absl::string_view action_name;  // "WITHDRAW"
  std::vector<Role> roles;        // who may take it
  std::vector<CaseState> from;    // allowed source states
  CaseState to;                   // resulting state; kUnspecified: unchanged
  ClockEffect clock;              // what happens to the reply clock
  absl::string_view event_type;   // recorded in case_events
};

// Every transition of the machine.
const std::vector<Transition>& Transitions();

// Decides `action` by `role` on a case in `from`. Returns the transition, or
// PERMISSION_DENIED if the role may never take the action, or
// FAILED_PRECONDITION if the action is not allowed from `from`.
absl::StatusOr<const Transition*> DecideTransition(CaseAction action, Role role,
                                                   CaseState from);

// The states in which a case is open (not closed).
const std::vector<CaseState>& OpenStates();

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_STATE_MACHINE_H_
