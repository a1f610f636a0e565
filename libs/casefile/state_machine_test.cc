#include "libs/casefile/state_machine.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

TEST(StateMachineTest, WithdrawIsAllowedFromEveryOpenState) {
  for (int s = 1; s <= 10; ++s) {
    const auto state = static_cast<CaseState>(s);
    auto t = DecideTransition(CaseAction::kWithdraw, Role::kFrontDesk, state);
    if (IsClosed(state)) {
      EXPECT_THAT(t, StatusIs(absl::StatusCode::kFailedPrecondition))
          << CaseStateName(state);
    } else {
      ASSERT_THAT(t, IsOk()) << CaseStateName(state);
      EXPECT_EQ((*t)->to, CaseState::kWithdrawn);
      EXPECT_EQ((*t)->event_type, "WITHDRAWN");
    }
  }
}

TEST(StateMachineTest, ReviewerMayNotWithdraw) {
  EXPECT_THAT(DecideTransition(CaseAction::kWithdraw, Role::kReviewer,
                               CaseState::kReceived),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace foi::casefile
