// The case state machine as data: one table says, for every action, which
// roles may take it, from which states, to which state, and which event it
// records. Handlers and the store consult it; nothing else decides.
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
};

struct Transition {
  CaseAction action;
  absl::string_view action_name;  // "WITHDRAW"
  std::vector<Role> roles;        // who may take it
  std::vector<CaseState> from;    // allowed source states
  CaseState to;                   // resulting state
  absl::string_view event_type;   // recorded in case_events
};

// Every transition of the machine.
const std::vector<Transition>& Transitions();

// Decides `action` by `role` on a case in `from`. Returns the transition, or
// PERMISSION_DENIED if the role may never take the action, or
// FAILED_PRECONDITION if the action is not allowed from `from`.
absl::StatusOr<const Transition*> DecideTransition(CaseAction action, Role role,
                                                   CaseState from);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_STATE_MACHINE_H_
