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
  using A = CaseAction;
  using C = ClockEffect;
  using S = CaseState;
  using R = Role;
  const std::vector<S> open = OpenStates();
  // Being worked on: where an officer can act on the substance.
  const std::vector<S> working = {S::kReceived, S::kInProgress,
                                  S::kInConsultation, S::kInReview,
                                  S::kReplyDrafted};
  const std::vector<R> staff = {R::kOfficer, R::kManager, R::kAdmin};
  const std::vector<R> managers = {R::kManager, R::kAdmin};
  const std::vector<S> all = {S::kReceived,        S::kAwaitingCorrection,
                              S::kInProgress,      S::kInConsultation,
                              S::kInReview,        S::kReplyDrafted,
                              S::kReplied,         S::kWithdrawn,
                              S::kDeemedWithdrawn, S::kTransferred};
  return {
      // The applicant may withdraw at any time before the case closes.
      {A::kWithdraw,
       "WITHDRAW",
       {R::kFrontDesk, R::kOfficer, R::kManager, R::kAdmin},
       open,
       S::kWithdrawn,
       C::kClose,
       "WITHDRAWN"},
      // Art. 33: one extension, asked for and decided while the reply is
      // being worked on.
      {A::kRequestExtension, "REQUEST_EXTENSION", staff, working,
       S::kUnspecified, C::kNone, "EXTENSION_REQUESTED"},
      {A::kApproveExtension, "APPROVE_EXTENSION", managers, working,
       S::kUnspecified, C::kExtend, "EXTENSION_APPROVED"},
      {A::kRejectExtension, "REJECT_EXTENSION", managers, working,
       S::kUnspecified, C::kNone, "EXTENSION_REJECTED"},
      {A::kRecomputeClocks,
       "RECOMPUTE_CLOCKS",
       {R::kAdmin},
       open,
       S::kUnspecified,
       C::kRecompute,
       "CLOCKS_RECOMPUTED"},
      // Only an unassigned case can be claimed (checked with the plan).
      {A::kClaim,
       "CLAIM",
       staff,
       {S::kReceived, S::kInProgress},
       S::kInProgress,
       C::kNone,
       "CLAIMED"},
      {A::kAssign,
       "ASSIGN",
       managers,
       {S::kReceived, S::kAwaitingCorrection, S::kInProgress,
        S::kInConsultation, S::kInReview, S::kReplyDrafted},
       S::kUnspecified,
       C::kNone,
       "ASSIGNED"},
      // Art. 30: one correction notice, before substantive work goes on.
      {A::kRequestCorrection,
       "REQUEST_CORRECTION",
       staff,
       {S::kReceived, S::kInProgress},
       S::kAwaitingCorrection,
       C::kStop,
       "CORRECTION_REQUESTED"},
      {A::kSubmitCorrection,
       "SUBMIT_CORRECTION",
       {R::kFrontDesk, R::kOfficer, R::kManager, R::kAdmin},
       {S::kAwaitingCorrection},
       S::kInProgress,
       C::kRestart,
       "CORRECTION_RECEIVED"},
      // The sweeper acts as ADMIN.
      {A::kDeemWithdrawn,
       "DEEM_WITHDRAWN",
       {R::kAdmin},
       {S::kAwaitingCorrection},
       S::kDeemedWithdrawn,
       C::kClose,
       "DEEMED_WITHDRAWN"},
      {A::kStartConsultation,
       "START_CONSULTATION",
       staff,
       {S::kReceived, S::kInProgress},
       S::kInConsultation,
       C::kSuspend,
       "CONSULTATION_STARTED"},
      {A::kEndConsultation,
       "END_CONSULTATION",
       staff,
       {S::kInConsultation},
       S::kInProgress,
       C::kResume,
       "CONSULTATION_ENDED"},
      {A::kTransferToUnit,
       "TRANSFER",
       managers,
       {S::kReceived, S::kInProgress},
       S::kReceived,
       C::kNone,
       "TRANSFERRED_TO_UNIT"},
      {A::kCloseAsOtherAgency,
       "CLOSE_AS_OTHER_AGENCY",
       staff,
       {S::kReceived, S::kInProgress},
       S::kTransferred,
       C::kClose,
       "CLOSED_AS_OTHER_AGENCY"},
      {A::kAddNote,
       "ADD_NOTE",
       {R::kOfficer, R::kReviewer, R::kManager, R::kAdmin},
       all,
       S::kUnspecified,
       C::kNone,
       "NOTE_ADDED"},
      // Documents are attached while the substance is worked on, not while
      // a review of them runs or after the reply is drafted.
      {A::kAddDocument,
       "ADD_DOCUMENT",
       staff,
       {S::kReceived, S::kInProgress, S::kInConsultation},
       S::kUnspecified,
       C::kNone,
       "DOCUMENT_ADDED"},
      // Art. 17: the confidentiality review before anything is released.
      // The reply clock keeps running: review is part of the 20 days.
      {A::kStartReview,
       "START_REVIEW",
       staff,
       {S::kReceived, S::kInProgress},
       S::kInReview,
       C::kNone,
       "REVIEW_STARTED"},
      // Only a reviewer signs off (DESIGN.md: nobody can skip it).
      {A::kCompleteReview,
       "COMPLETE_REVIEW",
       {R::kReviewer},
       {S::kInReview},
       S::kInProgress,
       C::kNone,
       "REVIEW_COMPLETED"},
      // Drafting again replaces the draft.
      {A::kDraftReply,
       "DRAFT_REPLY",
       staff,
       {S::kReceived, S::kInProgress, S::kReplyDrafted},
       S::kReplyDrafted,
       C::kNone,
       "REPLY_DRAFTED"},
      {A::kIssueReply,
       "ISSUE_REPLY",
       staff,
       {S::kReplyDrafted},
       S::kReplied,
       C::kClose,
       "REPLY_ISSUED"},
  };
}

}  // namespace

const std::vector<CaseState>& OpenStates() {
  static const auto* open = new std::vector<CaseState>{
      CaseState::kReceived,   CaseState::kAwaitingCorrection,
      CaseState::kInProgress, CaseState::kInConsultation,
      CaseState::kInReview,   CaseState::kReplyDrafted};
  return *open;
}

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
