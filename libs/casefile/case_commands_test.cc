#include "libs/casefile/case_commands.h"

#include <memory>

#include "gtest/gtest.h"
#include "libs/casefile/case_clocks.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

class CaseCommandsTest : public ::testing::Test {
 protected:
  CaseCommandsTest() {
    auto cal = calendar::WorkingDayCalendar::LoadFile(FOI_CALENDAR_FIXTURE);
    EXPECT_THAT(cal, IsOk());
    cal_ = *std::move(cal);
    // Received Fri 2024-09-27: reply due 2024-10-30 (cn-ogi-rules.md §8).
    case_.id = "c1";
    case_.state = CaseState::kInProgress;
    case_.unit = "ogi-office";
    case_.assignee = "li";
    case_.receipt_date = absl::CivilDay(2024, 9, 27);
    auto clocks = ComputeCaseClocks(*cal_, case_);
    EXPECT_THAT(clocks, IsOk());
    case_.clocks = WithDerived(case_, *clocks);
  }

  CaseCommand Cmd(CaseAction a, absl::CivilDay today,
                  Role role = Role::kOfficer) {
    CaseCommand c;
    c.action = a;
    c.role = role;
    c.actor_name = "li";
    c.actor_unit = "ogi-office";
    c.today = today;
    return c;
  }

  std::unique_ptr<calendar::WorkingDayCalendar> cal_;
  CaseRecord case_;
};

TEST_F(CaseCommandsTest, ClaimNeedsAnUnassignedCaseOfOwnUnit) {
  EXPECT_THAT(PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kClaim, absl::CivilDay(2024, 10, 8))),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("already assigned")));
  case_.assignee = "";
  auto plan = PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kClaim, absl::CivilDay(2024, 10, 8)));
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->changes.assignee, "li");
  case_.unit = "planning";
  EXPECT_THAT(PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kClaim, absl::CivilDay(2024, 10, 8))),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // An admin is confined to no unit.
  EXPECT_THAT(PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kClaim, absl::CivilDay(2024, 10, 8),
                              Role::kAdmin)),
              IsOk());
}

TEST_F(CaseCommandsTest, CorrectionStopsThenRestartsTheReplyClock) {
  CaseCommand notice =
      Cmd(CaseAction::kRequestCorrection, absl::CivilDay(2024, 10, 8));
  notice.correction_items = {"请明确所需信息的时间范围"};
  notice.date = absl::CivilDay(2024, 10, 22);
  auto plan = PlanCommand(*cal_, case_, notice);
  ASSERT_THAT(plan, IsOk());
  ASSERT_TRUE(plan->changes.clocks.has_value());
  EXPECT_FALSE(plan->changes.clocks->reply_due_date.has_value())
      << "no reply clock while the applicant corrects (Art. 30)";
  EXPECT_EQ(plan->changes.clocks->correction_deadline,
            absl::CivilDay(2024, 10, 22));
  EXPECT_THAT(plan->payload_json, HasSubstr("\"late\":false"));

  case_.state = CaseState::kAwaitingCorrection;
  case_.clocks = *plan->changes.clocks;
  CaseCommand received = Cmd(CaseAction::kSubmitCorrection,
                             absl::CivilDay(2024, 10, 15), Role::kFrontDesk);
  received.date = absl::CivilDay(2024, 10, 14);
  auto restart = PlanCommand(*cal_, case_, received);
  ASSERT_THAT(restart, IsOk());
  // 20 working days counted afresh from Mon 2024-10-14.
  EXPECT_EQ(restart->changes.clocks->reply_due_date,
            absl::CivilDay(2024, 11, 11));
  EXPECT_EQ(restart->changes.clocks->correction_received_date,
            absl::CivilDay(2024, 10, 14));
}

TEST_F(CaseCommandsTest, LateCorrectionNoticeIsAllowedButFlagged) {
  CaseCommand notice =
      Cmd(CaseAction::kRequestCorrection, absl::CivilDay(2024, 10, 16));
  notice.correction_items = {"补充身份证明"};
  notice.date = absl::CivilDay(2024, 10, 30);
  auto plan = PlanCommand(*cal_, case_, notice);
  ASSERT_THAT(plan, IsOk());
  EXPECT_THAT(plan->payload_json, HasSubstr("\"late\":true"));
  notice.correction_items.clear();
  EXPECT_THAT(PlanCommand(*cal_, case_, notice),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("items")));
}

TEST_F(CaseCommandsTest, ConsultationPausesAndItsWorkingDaysAreExcluded) {
  CaseCommand start =
      Cmd(CaseAction::kStartConsultation, absl::CivilDay(2024, 10, 9));
  start.consultation_kind = "THIRD_PARTY";
  start.party = "某建筑公司";
  start.text = "涉及商业秘密 (Art. 32)";
  auto started = PlanCommand(*cal_, case_, start);
  ASSERT_THAT(started, IsOk());
  EXPECT_FALSE(started->changes.clocks->reply_due_date.has_value());
  ASSERT_TRUE(started->changes.add_consultation.has_value());

  case_.state = CaseState::kInConsultation;
  case_.clocks = *started->changes.clocks;
  case_.consultations.push_back(*started->changes.add_consultation);
  CaseCommand end =
      Cmd(CaseAction::kEndConsultation, absl::CivilDay(2024, 10, 16));
  auto ended = PlanCommand(*cal_, case_, end);
  ASSERT_THAT(ended, IsOk());
  // (10-09, 10-16] holds 6 working days — the make-up Saturday 10-12
  // included: the 2024-10-30 due date moves 6 working days on, to 11-07.
  EXPECT_EQ(ended->changes.clocks->suspended_working_days, 6);
  EXPECT_EQ(ended->changes.clocks->reply_due_date, absl::CivilDay(2024, 11, 7));
  EXPECT_EQ(ended->changes.end_consultation->first, 1);
}

TEST_F(CaseCommandsTest, DeemedWithdrawalOnlyAfterTheDeadline) {
  case_.state = CaseState::kAwaitingCorrection;
  case_.clocks.correction_deadline = absl::CivilDay(2024, 10, 22);
  EXPECT_THAT(PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kDeemWithdrawn,
                              absl::CivilDay(2024, 10, 22), Role::kAdmin)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  auto plan = PlanCommand(*cal_, case_,
                          Cmd(CaseAction::kDeemWithdrawn,
                              absl::CivilDay(2024, 10, 23), Role::kAdmin));
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->transition->to, CaseState::kDeemedWithdrawn);
  EXPECT_EQ(plan->changes.clocks->closed_date, absl::CivilDay(2024, 10, 23));
}

TEST_F(CaseCommandsTest, TransferNeedsAnotherUnitAndCloseNamesTheAgency) {
  CaseCommand to_self = Cmd(CaseAction::kTransferToUnit,
                            absl::CivilDay(2024, 10, 8), Role::kManager);
  to_self.target_unit = "ogi-office";
  EXPECT_THAT(
      PlanCommand(*cal_, case_, to_self),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("target_unit")));
  to_self.target_unit = "planning";
  auto moved = PlanCommand(*cal_, case_, to_self);
  ASSERT_THAT(moved, IsOk());
  EXPECT_EQ(moved->changes.unit, "planning");
  EXPECT_EQ(moved->changes.assignee, "");
  CaseCommand close =
      Cmd(CaseAction::kCloseAsOtherAgency, absl::CivilDay(2024, 10, 8));
  EXPECT_THAT(
      PlanCommand(*cal_, case_, close),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("other_agency")));
  close.other_agency = "市自然资源局，电话 010-12345678";
  auto closed = PlanCommand(*cal_, case_, close);
  ASSERT_THAT(closed, IsOk());
  EXPECT_EQ(closed->transition->to, CaseState::kTransferred);
  EXPECT_THAT(closed->payload_json, HasSubstr("Art. 36(5)"));
}

}  // namespace
}  // namespace foi::casefile
