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
