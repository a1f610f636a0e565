#include "libs/casefile/release_commands.h"

#include <memory>

#include "gtest/gtest.h"
#include "libs/casefile/case_clocks.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

class ReleaseCommandsTest : public ::testing::Test {
 protected:
  ReleaseCommandsTest() {
    auto cal = calendar::WorkingDayCalendar::LoadFile(FOI_CALENDAR_FIXTURE);
    EXPECT_THAT(cal, IsOk());
    cal_ = *std::move(cal);
    case_.id = "c1";
    case_.state = CaseState::kInProgress;
    case_.unit = "ogi-office";
    case_.assignee = "li";
    case_.receipt_date = absl::CivilDay(2024, 9, 27);
  }

  CaseCommand Cmd(CaseAction a, Role role = Role::kOfficer,
                  const std::string& actor = "li") {
    CaseCommand c;
    c.action = a;
    c.role = role;
    c.actor_name = actor;
    c.actor_unit = "ogi-office";
    c.today = absl::CivilDay(2024, 10, 8);
    return c;
  }

  std::unique_ptr<calendar::WorkingDayCalendar> cal_;
  CaseRecord case_;
};

TEST_F(ReleaseCommandsTest, DraftingADisclosureWithoutReviewIsRefused) {
  case_.documents = std::vector<DocumentCoverage>{
      {"d1", "批复.pdf", "", ReviewConclusion::kUnspecified}};
  CaseCommand cmd = Cmd(CaseAction::kDraftReply);
  cmd.outcome = rules::ReplyOutcome::kDisclosed;
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("documents/d1 (批复.pdf)")));
  (*case_.documents)[0].review_id = "r1";
  (*case_.documents)[0].conclusion = ReviewConclusion::kDisclose;
  auto plan = PlanCommand(*cal_, case_, cmd);
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->transition->to, CaseState::kReplyDrafted);
  ASSERT_TRUE(plan->changes.disposition.has_value());
  EXPECT_EQ(plan->changes.disposition->outcome,
            rules::ReplyOutcome::kDisclosed);
  EXPECT_THAT(plan->payload_json, HasSubstr("\"outcome\":\"DISCLOSED\""));
}

TEST_F(ReleaseCommandsTest, DraftingValidatesTheOutcomeBeforeTheGate) {
  case_.documents = std::vector<DocumentCoverage>{};
  CaseCommand cmd = Cmd(CaseAction::kDraftReply);
  cmd.outcome = rules::ReplyOutcome::kNotDisclosed;
  EXPECT_THAT(
      PlanCommand(*cal_, case_, cmd),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("grounds")));
  cmd.grounds = {rules::ExemptionGround::kStateSecret};
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd), IsOk());
}

TEST_F(ReleaseCommandsTest, DraftingFromAReviewIsRefusedByTheStateMachine) {
  case_.state = CaseState::kInReview;
  case_.documents = std::vector<DocumentCoverage>{};
  CaseCommand cmd = Cmd(CaseAction::kDraftReply);
  cmd.outcome = rules::ReplyOutcome::kAlreadyPublic;
  EXPECT_THAT(
      PlanCommand(*cal_, case_, cmd),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("IN_REVIEW")));
}

TEST_F(ReleaseCommandsTest, SignOffCarriesTheDigestAndExpectedVersion) {
  case_.state = CaseState::kInReview;
  Review r;
  r.id = "r1";
  r.created_by = "li";
  r.version = 7;
  r.document_ids = {"d1"};
  ReviewFinding f;
  f.id = 1;
  f.document_id = "d1";
  f.decision = FindingDecision::kRedact;
  f.ground = rules::ExemptionGround::kThirdPartyRights;
  r.findings.push_back(f);
  CaseCommand cmd = Cmd(CaseAction::kCompleteReview, Role::kReviewer, "wang");
  cmd.review = r;
  cmd.conclusion = ReviewConclusion::kPartial;
  auto plan = PlanCommand(*cal_, case_, cmd);
  ASSERT_THAT(plan, IsOk());
  ASSERT_TRUE(plan->changes.complete_review.has_value());
  EXPECT_EQ(plan->changes.complete_review->expected_version, 7);
  EXPECT_EQ(plan->changes.complete_review->digest.size(), 64u);
  EXPECT_EQ(plan->transition->to, CaseState::kInProgress);
  EXPECT_THAT(plan->payload_json, HasSubstr("\"redacted\":1"));
  // The assignee may not sign even as a reviewer.
  cmd.actor_name = "li";
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(ReleaseCommandsTest, DocumentsNeedANameAndAKnownType) {
  CaseCommand cmd = Cmd(CaseAction::kAddDocument);
  CaseDocument d;
  d.id = "d1";
  d.file_name = "";
  d.media_type = "text/plain";
  cmd.document = d;
  EXPECT_THAT(
      PlanCommand(*cal_, case_, cmd),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("file_name")));
  cmd.document->file_name = "a.docx";
  cmd.document->media_type = "application/msword";
  EXPECT_THAT(
      PlanCommand(*cal_, case_, cmd),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("media_type")));
  cmd.document->media_type = "text/plain";
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd), IsOk());
}

TEST_F(ReleaseCommandsTest, AReviewWithoutDocumentsIsRefused) {
  CaseCommand cmd = Cmd(CaseAction::kStartReview);
  cmd.review = Review();
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("nothing to review")));
}

TEST_F(ReleaseCommandsTest, IssuingChecksTheGateAgainAndClosesTheClock) {
  case_.state = CaseState::kReplyDrafted;
  case_.disposition.outcome = rules::ReplyOutcome::kDisclosed;
  case_.documents = std::vector<DocumentCoverage>{
      {"d1", "a.txt", "r1", ReviewConclusion::kDisclose},
      {"d2", "b.txt", "", ReviewConclusion::kUnspecified}};
  CaseCommand cmd = Cmd(CaseAction::kIssueReply);
  IssuedLetter letter;
  letter.document_number = "云自然资规依公开〔2024〕1号";
  letter.pdf_sha256 = std::string(64, 'f');
  cmd.letter = letter;
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("documents/d2 (b.txt)")));
  (*case_.documents)[1].review_id = "r2";
  (*case_.documents)[1].conclusion = ReviewConclusion::kDisclose;
  cmd.date = absl::CivilDay(2024, 10, 9);  // after today
  EXPECT_THAT(
      PlanCommand(*cal_, case_, cmd),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("delivery_date")));
  cmd.date = absl::CivilDay(2024, 10, 8);
  auto plan = PlanCommand(*cal_, case_, cmd);
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->transition->to, CaseState::kReplied);
  ASSERT_TRUE(plan->changes.clocks.has_value());
  EXPECT_EQ(plan->changes.clocks->closed_date, absl::CivilDay(2024, 10, 8));
  // Received Fri 2024-09-27, replied Tue 2024-10-08: Sun Sep 29 (a make-up
  // working day), Mon Sep 30 and Oct 8 count; Oct 1-7 is National Day.
  EXPECT_EQ(plan->changes.clocks->reply_working_days, 3);
  EXPECT_THAT(plan->payload_json, HasSubstr(std::string(64, 'f')));
}

TEST_F(ReleaseCommandsTest, IssuingWithoutADraftIsRefused) {
  case_.state = CaseState::kReplyDrafted;
  case_.documents = std::vector<DocumentCoverage>{};
  CaseCommand cmd = Cmd(CaseAction::kIssueReply);
  cmd.letter = IssuedLetter();
  EXPECT_THAT(PlanCommand(*cal_, case_, cmd),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("no reply has been drafted")));
}

}  // namespace
}  // namespace foi::casefile
