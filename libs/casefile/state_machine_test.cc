#include "libs/casefile/state_machine.h"

#include <map>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using R = Role;
using S = CaseState;

// The specification, written out by hand from the issue and the law,
// independently of the table in state_machine.cc: who may do what from
// where, and where it leads (kUnspecified: the state does not change).
struct Expected {
  CaseAction action;
  std::set<R> roles;
  std::set<S> from;
  S to;
};

const std::set<S> kOpen = {S::kReceived,   S::kAwaitingCorrection,
                           S::kInProgress, S::kInConsultation,
                           S::kInReview,   S::kReplyDrafted};
const std::set<S> kWorking = {S::kReceived, S::kInProgress, S::kInConsultation,
                              S::kInReview, S::kReplyDrafted};
const std::set<R> kStaff = {R::kOfficer, R::kManager, R::kAdmin};
const std::set<R> kManagers = {R::kManager, R::kAdmin};

std::vector<Expected> Spec() {
  std::set<S> every = kOpen;
  every.insert(
      {S::kReplied, S::kWithdrawn, S::kDeemedWithdrawn, S::kTransferred});
  return {
      {CaseAction::kWithdraw,
       {R::kFrontDesk, R::kOfficer, R::kManager, R::kAdmin},
       kOpen,
       S::kWithdrawn},
      {CaseAction::kRequestExtension, kStaff, kWorking, S::kUnspecified},
      {CaseAction::kApproveExtension, kManagers, kWorking, S::kUnspecified},
      {CaseAction::kRejectExtension, kManagers, kWorking, S::kUnspecified},
      {CaseAction::kRecomputeClocks, {R::kAdmin}, kOpen, S::kUnspecified},
      {CaseAction::kClaim,
       kStaff,
       {S::kReceived, S::kInProgress},
       S::kInProgress},
      {CaseAction::kAssign, kManagers, kOpen, S::kUnspecified},
      {CaseAction::kRequestCorrection,
       kStaff,
       {S::kReceived, S::kInProgress},
       S::kAwaitingCorrection},
      {CaseAction::kSubmitCorrection,
       {R::kFrontDesk, R::kOfficer, R::kManager, R::kAdmin},
       {S::kAwaitingCorrection},
       S::kInProgress},
      {CaseAction::kDeemWithdrawn,
       {R::kAdmin},
       {S::kAwaitingCorrection},
       S::kDeemedWithdrawn},
      {CaseAction::kStartConsultation,
       kStaff,
       {S::kReceived, S::kInProgress},
       S::kInConsultation},
      {CaseAction::kEndConsultation,
       kStaff,
       {S::kInConsultation},
       S::kInProgress},
      {CaseAction::kTransferToUnit,
       kManagers,
       {S::kReceived, S::kInProgress},
       S::kReceived},
      {CaseAction::kCloseAsOtherAgency,
       kStaff,
       {S::kReceived, S::kInProgress},
       S::kTransferred},
      {CaseAction::kAddNote,
       {R::kOfficer, R::kReviewer, R::kManager, R::kAdmin},
       every,
       S::kUnspecified},
      {CaseAction::kAddDocument,
       kStaff,
       {S::kReceived, S::kInProgress, S::kInConsultation},
       S::kUnspecified},
      {CaseAction::kStartReview,
       kStaff,
       {S::kReceived, S::kInProgress},
       S::kInReview},
      // Only a reviewer signs off; not even an admin can skip it.
      {CaseAction::kCompleteReview,
       {R::kReviewer},
       {S::kInReview},
       S::kInProgress},
      {CaseAction::kDraftReply,
       kStaff,
       {S::kReceived, S::kInProgress, S::kReplyDrafted},
       S::kReplyDrafted},
      {CaseAction::kIssueReply, kStaff, {S::kReplyDrafted}, S::kReplied},
  };
}

TEST(StateMachineTest, EveryActionRoleAndStateIsDecidedAsSpecified) {
  const std::vector<R> roles = {R::kFrontDesk, R::kOfficer, R::kReviewer,
                                R::kManager, R::kAdmin};
  int allowed = 0, forbidden = 0;
  for (const Expected& e : Spec()) {
    for (R role : roles) {
      for (int s = 1; s <= 10; ++s) {
        const auto state = static_cast<S>(s);
        auto got = DecideTransition(e.action, role, state);
        const std::string where = std::string(RoleName(role)) + " from " +
                                  std::string(CaseStateName(state));
        if (!e.roles.count(role)) {
          EXPECT_THAT(got, StatusIs(absl::StatusCode::kPermissionDenied))
              << where;
          ++forbidden;
        } else if (!e.from.count(state)) {
          EXPECT_THAT(got, StatusIs(absl::StatusCode::kFailedPrecondition))
              << where;
          ++forbidden;
        } else {
          ASSERT_THAT(got, IsOk()) << where;
          EXPECT_EQ((*got)->to, e.to) << where;
          ++allowed;
        }
      }
    }
  }
  EXPECT_GT(allowed, 100);
  EXPECT_GT(forbidden, 500);
}

TEST(StateMachineTest, TableHasNoActionTheSpecDoesNotKnow) {
  std::set<CaseAction> spec;
  for (const Expected& e : Spec()) spec.insert(e.action);
  for (const Transition& t : Transitions()) {
    EXPECT_TRUE(spec.count(t.action)) << t.action_name;
  }
}

TEST(StateMachineTest, ClosedStatesAreExactlyTheTerminalOnes) {
  for (S s : OpenStates()) EXPECT_FALSE(IsClosed(s)) << CaseStateName(s);
  EXPECT_TRUE(IsClosed(S::kReplied));
  EXPECT_TRUE(IsClosed(S::kDeemedWithdrawn));
}

}  // namespace
}  // namespace foi::casefile
