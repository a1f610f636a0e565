#include "libs/annual/result_row.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::annual {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

using casefile::CaseState;
using rules::ExemptionGround;
using rules::OutcomeReason;
using rules::ReplyOutcome;

struct MappingCase {
  CaseState state;
  ReplyOutcome outcome;
  OutcomeReason reason;
  std::vector<ExemptionGround> grounds;
  std::string row_code;  // written out by hand from the reference table
};

std::string RowCodeFor(const MappingCase& m) {
  ReportCase c;
  c.applicant_type = casefile::ApplicantType::kNaturalPerson;
  c.receipt_date = absl::CivilDay(2024, 5, 6);
  c.closed_date = absl::CivilDay(2024, 5, 20);
  c.state = m.state;
  c.outcome = m.outcome;
  c.reason = m.reason;
  c.grounds = m.grounds;
  absl::StatusOr<ApplicationRow> row = ResultRow(c);
  if (!row.ok()) return std::string(row.status().message());
  return ApplicationRows()[static_cast<int>(*row)].code;
}

TEST(ResultRowTest, MapsEveryOutcomeReasonGroundAndClosedState) {
  using S = CaseState;
  using O = ReplyOutcome;
  using Why = OutcomeReason;
  using G = ExemptionGround;
  const Why kNone = Why::kUnspecified;
  const std::vector<MappingCase> table = {
      {S::kReplied, O::kAlreadyPublic, kNone, {}, "三(一)"},
      {S::kReplied, O::kDisclosed, kNone, {}, "三(一)"},
      {S::kReplied, O::kPartiallyDisclosed, kNone, {G::kStateSecret}, "三(二)"},
      {S::kReplied, O::kNotDisclosed, kNone, {G::kStateSecret}, "三(三)1"},
      {S::kReplied, O::kNotDisclosed, kNone, {G::kProhibitedByLaw}, "三(三)2"},
      {S::kReplied,
       O::kNotDisclosed,
       kNone,
       {G::kSecurityOrStability},
       "三(三)3"},
      {S::kReplied, O::kNotDisclosed, kNone, {G::kThirdPartyRights}, "三(三)4"},
      {S::kReplied, O::kNotDisclosed, kNone, {G::kInternalAffairs}, "三(三)5"},
      {S::kReplied,
       O::kNotDisclosed,
       kNone,
       {G::kProcessInformation},
       "三(三)6"},
      {S::kReplied,
       O::kNotDisclosed,
       kNone,
       {G::kLawEnforcementFile},
       "三(三)7"},
      {S::kReplied,
       O::kNotDisclosed,
       kNone,
       {G::kAdministrativeQuery},
       "三(三)8"},
      {S::kReplied,
       O::kNotDisclosed,
       kNone,
       {G::kAdministrativeQuery, G::kStateSecret},
       "三(三)8"},
      {S::kReplied, O::kCannotProvide, Why::kNotHeld, {}, "三(四)1"},
      {S::kReplied,
       O::kCannotProvide,
       Why::kNeedsNewInformation,
       {},
       "三(四)2"},
      {S::kReplied,
       O::kCannotProvide,
       Why::kUnclearAfterCorrection,
       {},
       "三(四)3"},
      {S::kReplied, O::kNotThisAgency, kNone, {}, "三(四)1"},
      {S::kReplied, O::kNotProcessed, Why::kPetitionOrComplaint, {}, "三(五)1"},
      {S::kReplied, O::kNotProcessed, Why::kRepeatedApplication, {}, "三(五)2"},
      {S::kReplied, O::kNotProcessed, Why::kPublishedMaterial, {}, "三(五)3"},
      {S::kReplied, O::kNotProcessed, Why::kUnreasonableVolume, {}, "三(五)4"},
      {S::kReplied, O::kNotProcessed, Why::kConfirmationRequest, {}, "三(五)5"},
      {S::kReplied, O::kSpecialRegime, kNone, {}, "三(六)3"},
      {S::kDeemedWithdrawn, O::kUnspecified, kNone, {}, "三(六)1"},
      {S::kWithdrawn, O::kUnspecified, kNone, {}, "三(六)3"},
      {S::kTransferred, O::kUnspecified, kNone, {}, "三(四)1"},
      // A drafted reply left on a withdrawn case does not count.
      {S::kWithdrawn, O::kDisclosed, kNone, {}, "三(六)3"},
  };
  for (size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(RowCodeFor(table[i]), table[i].row_code) << "entry " << i;
  }
}

TEST(ResultRowTest, NoCaseLandsInTheFeeNotPaidRow) {
  // 三(六)2 waits for a state that records an unpaid fee.
  for (int s = 0; s <= static_cast<int>(CaseState::kTransferred); ++s) {
    for (int o = 0; o <= static_cast<int>(ReplyOutcome::kSpecialRegime); ++o) {
      ReportCase c;
      c.state = static_cast<CaseState>(s);
      c.outcome = static_cast<ReplyOutcome>(o);
      absl::StatusOr<ApplicationRow> row = ResultRow(c);
      if (row.ok()) {
        EXPECT_NE(*row, ApplicationRow::kOtherFeeNotPaid);
      }
    }
  }
}

TEST(ResultRowTest, RejectsOpenStates) {
  ReportCase c;
  c.state = CaseState::kInReview;
  EXPECT_THAT(ResultRow(c),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("state")));
}

TEST(ResultRowTest, RejectsIncompleteOrUnknownReplies) {
  ReportCase c;
  c.state = CaseState::kReplied;
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("outcome")));
  c.outcome = ReplyOutcome::kNotDisclosed;
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("grounds")));
  c.outcome = ReplyOutcome::kCannotProvide;
  c.reason = OutcomeReason::kRepeatedApplication;  // a NOT_PROCESSED reason
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("reason")));
  c.reason = static_cast<OutcomeReason>(42);
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("reason")));
  c.reason = OutcomeReason::kNotHeld;
  EXPECT_THAT(ResultRow(c), IsOk());
  c.outcome = static_cast<ReplyOutcome>(9);
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("outcome")));
  c.outcome = ReplyOutcome::kNotDisclosed;
  c.reason = OutcomeReason::kUnspecified;
  c.grounds = {static_cast<ExemptionGround>(9)};
  EXPECT_THAT(ResultRow(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                     HasSubstr("grounds")));
}

}  // namespace
}  // namespace foi::annual
