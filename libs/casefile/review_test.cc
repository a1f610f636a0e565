#include "libs/casefile/review.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using G = rules::ExemptionGround;
using O = rules::ReplyOutcome;

Review OpenReview() {
  Review r;
  r.id = "r1";
  r.case_id = "c1";
  r.created_by = "officer li";
  r.document_ids = {"d1"};
  for (int i = 1; i <= 3; ++i) {
    ReviewFinding f;
    f.id = i;
    f.document_id = "d1";
    f.byte_begin = i * 10;
    f.byte_end = i * 10 + 5;
    r.findings.push_back(f);
  }
  return r;
}

void DecideAll(Review& r, FindingDecision d) {
  for (ReviewFinding& f : r.findings) {
    f.decision = d;
    f.ground =
        d == FindingDecision::kRedact ? G::kThirdPartyRights : G::kUnspecified;
    f.reason = "ok";
    f.decided_by = "reviewer wang";
  }
}

TEST(ReviewTest, RedactNeedsAGroundAndReleaseNeedsAReason) {
  const Review r = OpenReview();
  EXPECT_THAT(
      ValidateDecision(r, 1, FindingDecision::kRedact, G::kUnspecified, ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ground")));
  EXPECT_THAT(ValidateDecision(r, 1, FindingDecision::kRedact,
                               G::kThirdPartyRights, ""),
              IsOk());
  EXPECT_THAT(
      ValidateDecision(r, 1, FindingDecision::kRelease, G::kUnspecified, "  "),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("reason")));
  EXPECT_THAT(ValidateDecision(r, 1, FindingDecision::kRelease, G::kUnspecified,
                               "第三方书面同意公开"),
              IsOk());
  EXPECT_THAT(
      ValidateDecision(r, 1, FindingDecision::kRelease, G::kStateSecret, "x"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ground")));
  EXPECT_THAT(
      ValidateDecision(r, 1, FindingDecision::kUndecided, G::kUnspecified, ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("decision")));
}

TEST(ReviewTest, DecisionsOnUnknownFindingsOrCompletedReviewsAreRefused) {
  Review r = OpenReview();
  EXPECT_THAT(ValidateDecision(r, 9, FindingDecision::kRedact,
                               G::kThirdPartyRights, ""),
              StatusIs(absl::StatusCode::kNotFound));
  r.state = ReviewState::kCompleted;
  EXPECT_THAT(ValidateDecision(r, 1, FindingDecision::kRedact,
                               G::kThirdPartyRights, ""),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(ReviewTest, OnlyAReviewerWhoDidNotDraftMaySignOff) {
  Review r = OpenReview();
  DecideAll(r, FindingDecision::kRelease);
  EXPECT_THAT(
      CheckSignOff(r, "officer li", "manager zhao", Role::kManager,
                   ReviewConclusion::kDisclose, ""),
      StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("REVIEWER")));
  EXPECT_THAT(CheckSignOff(r, "officer li", "admin", Role::kAdmin,
                           ReviewConclusion::kDisclose, ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // The assignee drafts the reply; the review's creator chose what to
  // release: neither may sign, even holding a reviewer token.
  EXPECT_THAT(
      CheckSignOff(r, "officer li", "officer li", Role::kReviewer,
                   ReviewConclusion::kDisclose, ""),
      StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("drafted")));
  r.created_by = "officer zhang";
  EXPECT_THAT(CheckSignOff(r, "officer li", "officer zhang", Role::kReviewer,
                           ReviewConclusion::kDisclose, ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(CheckSignOff(r, "officer li", "reviewer wang", Role::kReviewer,
                           ReviewConclusion::kDisclose, "无涉密内容"),
              IsOk());
}

TEST(ReviewTest, SignOffNeedsEveryFindingDecidedAndAMatchingConclusion) {
  Review r = OpenReview();
  EXPECT_THAT(CheckSignOff(r, "li", "wang", Role::kReviewer,
                           ReviewConclusion::kDisclose, ""),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("3 finding(s) still undecided")));
  DecideAll(r, FindingDecision::kRelease);
  r.findings[1].decision = FindingDecision::kRedact;
  EXPECT_THAT(
      CheckSignOff(r, "li", "wang", Role::kReviewer,
                   ReviewConclusion::kDisclose, ""),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("PARTIAL")));
  EXPECT_THAT(CheckSignOff(r, "li", "wang", Role::kReviewer,
                           ReviewConclusion::kPartial, ""),
              IsOk());
  EXPECT_THAT(CheckSignOff(r, "li", "wang", Role::kReviewer,
                           ReviewConclusion::kWithhold, ""),
              IsOk());
  EXPECT_THAT(
      CheckSignOff(r, "li", "wang", Role::kReviewer,
                   ReviewConclusion::kUnspecified, ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("conclusion")));
  DecideAll(r, FindingDecision::kRelease);
  EXPECT_THAT(CheckSignOff(r, "li", "wang", Role::kReviewer,
                           ReviewConclusion::kPartial, ""),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  r.state = ReviewState::kCompleted;
  EXPECT_THAT(
      CheckSignOff(r, "li", "wang", Role::kReviewer,
                   ReviewConclusion::kDisclose, ""),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("COMPLETED")));
}

TEST(ReviewTest, DigestChangesWithAnyDecisionOrDocumentHash) {
  Review r = OpenReview();
  DecideAll(r, FindingDecision::kRedact);
  CaseDocument d;
  d.id = "d1";
  d.sha256 = std::string(64, 'a');
  const std::string digest = ReviewDigest(r, {d});
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(ReviewDigest(r, {d}), digest);
  Review changed = r;
  changed.findings[2].ground = G::kStateSecret;
  EXPECT_NE(ReviewDigest(changed, {d}), digest);
  changed = r;
  changed.findings[0].decision = FindingDecision::kRelease;
  EXPECT_NE(ReviewDigest(changed, {d}), digest);
  CaseDocument other = d;
  other.sha256 = std::string(64, 'b');
  EXPECT_NE(ReviewDigest(r, {other}), digest);
}

DocumentCoverage Covered(const std::string& id, ReviewConclusion c) {
  return DocumentCoverage{id, id + ".pdf", "r1", c};
}

TEST(ReleaseGateTest, OutcomesThatReleaseNothingPassWithoutDocuments) {
  for (O o : {O::kAlreadyPublic, O::kNotDisclosed, O::kCannotProvide,
              O::kNotThisAgency, O::kNotProcessed, O::kSpecialRegime}) {
    EXPECT_THAT(CheckReleaseGate(o, {}), IsOk()) << rules::Info(o).code;
  }
}

TEST(ReleaseGateTest, DisclosingNeedsDocumentsAllCoveredByCompletedReviews) {
  EXPECT_THAT(CheckReleaseGate(O::kDisclosed, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("no document is attached")));
  const std::vector<DocumentCoverage> one_missing = {
      Covered("d1", ReviewConclusion::kDisclose),
      DocumentCoverage{"d2", "名单.txt", "", ReviewConclusion::kUnspecified}};
  EXPECT_THAT(CheckReleaseGate(O::kPartiallyDisclosed, one_missing),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("documents/d2 (名单.txt)"),
                             ::testing::Not(HasSubstr("documents/d1")))));
  EXPECT_THAT(CheckReleaseGate(O::kDisclosed,
                               {Covered("d1", ReviewConclusion::kDisclose)}),
              IsOk());
}

TEST(ReleaseGateTest, RedactedDocumentsMakeTheReplyPartial) {
  const std::vector<DocumentCoverage> docs = {
      Covered("d1", ReviewConclusion::kDisclose),
      Covered("d2", ReviewConclusion::kPartial)};
  EXPECT_THAT(CheckReleaseGate(O::kDisclosed, docs),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("documents/d2"),
                             HasSubstr("PARTIALLY_DISCLOSED"))));
  EXPECT_THAT(CheckReleaseGate(O::kPartiallyDisclosed, docs), IsOk());
}

TEST(ReleaseGateTest, EverythingWithheldCannotBeAPartialDisclosure) {
  EXPECT_THAT(CheckReleaseGate(O::kPartiallyDisclosed,
                               {Covered("d1", ReviewConclusion::kWithhold)}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("NOT_DISCLOSED")));
  EXPECT_THAT(CheckReleaseGate(O::kPartiallyDisclosed,
                               {Covered("d1", ReviewConclusion::kWithhold),
                                Covered("d2", ReviewConclusion::kDisclose)}),
              IsOk());
}

}  // namespace
}  // namespace foi::casefile
