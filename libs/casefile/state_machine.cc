#include "libs/casefile/state_machine.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace foi::casefile {
namespace {

template <typename T>
bool Contains(const std::vector<T>& v, T x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::vector<Transition> BuildTable() {
  using S = CaseState;
  using R = Role;
  return {
      // The applicant may withdraw at any time before the case closes.
      {CaseAction::kWithdraw,
       "WITHDRAW",
       {R::kFrontDesk, R::kOfficer, R::kManager, R::kAdmin},
       {S::kReceived, S::kAwaitingCorrection, S::kInProgress,
        S::kInConsultation, S::kInReview, S::kReplyDrafted},
       S::kWithdrawn,
       "WITHDRAWN"},
      // Art. 33: an extension is asked for and decided while the reply is
      // still being worked on.
      {CaseAction::kRequestExtension,
       "REQUEST_EXTENSION",
       {R::kOfficer, R::kManager, R::kAdmin},
       {S::kReceived, S::kInProgress, S::kInConsultation, S::kInReview,
        S::kReplyDrafted},
       S::kUnspecified,
       "EXTENSION_REQUESTED"},
      {CaseAction::kApproveExtension,
       "APPROVE_EXTENSION",
       {R::kManager, R::kAdmin},
       {S::kReceived, S::kInProgress, S::kInConsultation, S::kInReview,
        S::kReplyDrafted},
       S::kUnspecified,
       "EXTENSION_APPROVED"},
      {CaseAction::kRejectExtension,
       "REJECT_EXTENSION",
       {R::kManager, R::kAdmin},
       {S::kReceived, S::kInProgress, S::kInConsultation, S::kInReview,
        S::kReplyDrafted},
       S::kUnspecified,
       "EXTENSION_REJECTED"},
      {CaseAction::kRecomputeClocks,
       "RECOMPUTE_CLOCKS",
       {R::kAdmin},
       {S::kReceived, S::kAwaitingCorrection, S::kInProgress,
        S::kInConsultation, S::kInReview, S::kReplyDrafted},
       S::kUnspecified,
       "CLOCKS_RECOMPUTED"},
  };
}

}  // namespace

const std::vector<Transition>& Transitions() {
  static const auto* table = new std::vector<Transition>(BuildTable());
  return *table;
}

absl::StatusOr<const Transition*> DecideTransition(CaseAction action, Role role,
                                                   CaseState from) {
  for (const Transition& t : Transitions()) {
    if (t.action != action) continue;
    if (!Contains(t.roles, role)) {
      return absl::PermissionDeniedError(absl::StrCat(
          "role ", RoleName(role), " may not ", t.action_name, " a case"));
    }
    if (!Contains(t.from, from)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "cannot ", t.action_name, " a case in state ", CaseStateName(from)));
    }
    return &t;
  }
  return absl::InternalError("no transition defined for the action");
}

}  // namespace foi::casefile
