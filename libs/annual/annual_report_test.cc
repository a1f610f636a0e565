#include "libs/annual/annual_report.h"

#include <array>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::annual {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using casefile::ApplicantType;
using casefile::CaseState;
using rules::ExemptionGround;
using rules::OutcomeReason;
using rules::ReplyOutcome;
using C = ApplicantColumn;
using R = ApplicationRow;

constexpr ApplicantType kNp = ApplicantType::kNaturalPerson;
constexpr ApplicantType kCe = ApplicantType::kCommercialEnterprise;
constexpr ApplicantType kRi = ApplicantType::kResearchInstitution;
constexpr ApplicantType kPio = ApplicantType::kPublicInterestOrganization;
constexpr ApplicantType kLso = ApplicantType::kLegalServiceOrganization;
constexpr ApplicantType kOo = ApplicantType::kOtherOrganization;

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

ReportCase Replied(ApplicantType type, absl::CivilDay receipt,
                   absl::CivilDay closed, ReplyOutcome outcome,
                   OutcomeReason reason = OutcomeReason::kUnspecified,
                   std::vector<ExemptionGround> grounds = {}) {
  return {type,   receipt,           closed, CaseState::kReplied, outcome,
          reason, std::move(grounds)};
}

ReportCase ClosedWithoutReply(ApplicantType type, absl::CivilDay receipt,
                              absl::CivilDay closed, CaseState state) {
  ReportCase c;
  c.applicant_type = type;
  c.receipt_date = receipt;
  c.closed_date = closed;
  c.state = state;
  return c;
}

ReportCase Open(ApplicantType type, absl::CivilDay receipt, CaseState state) {
  ReportCase c;
  c.applicant_type = type;
  c.receipt_date = receipt;
  c.state = state;
  return c;
}

// 35 applications over 2023-2025. The comment on each says where it lands in
// the 2024 report; the expectations in the tests below were counted by hand
// from these comments.
std::vector<ReportCase> TwoYearsOfCases() {
  using G = ExemptionGround;
  using O = ReplyOutcome;
  using Why = OutcomeReason;
  return {
      // Received and closed in 2024: row 一 and a result row.
      /*0*/ Replied(kNp, Day(2024, 1, 1), Day(2024, 1, 30), O::kAlreadyPublic),
      /*1*/ Replied(kNp, Day(2024, 2, 1), Day(2024, 2, 20), O::kDisclosed),
      /*2*/ Replied(kCe, Day(2024, 3, 1), Day(2024, 3, 15), O::kDisclosed),
      /*3 三(二)*/
      Replied(kNp, Day(2024, 3, 5), Day(2024, 3, 25), O::kPartiallyDisclosed,
              Why::kUnspecified, {G::kThirdPartyRights}),
      /*4 三(二) only, despite the state-secret ground*/
      Replied(kLso, Day(2024, 3, 6), Day(2024, 3, 28), O::kPartiallyDisclosed,
              Why::kUnspecified, {G::kProcessInformation, G::kStateSecret}),
      /*5 三(三)1*/
      Replied(kNp, Day(2024, 4, 1), Day(2024, 4, 20), O::kNotDisclosed,
              Why::kUnspecified, {G::kStateSecret}),
      /*6 三(三)2: first ground only*/
      Replied(kRi, Day(2024, 4, 2), Day(2024, 4, 22), O::kNotDisclosed,
              Why::kUnspecified, {G::kProhibitedByLaw, G::kThirdPartyRights}),
      /*7 三(三)3*/
      Replied(kNp, Day(2024, 4, 3), Day(2024, 4, 23), O::kNotDisclosed,
              Why::kUnspecified, {G::kSecurityOrStability}),
      /*8 三(三)4*/
      Replied(kCe, Day(2024, 4, 8), Day(2024, 4, 28), O::kNotDisclosed,
              Why::kUnspecified, {G::kThirdPartyRights}),
      /*9 三(三)5*/
      Replied(kNp, Day(2024, 5, 6), Day(2024, 5, 27), O::kNotDisclosed,
              Why::kUnspecified, {G::kInternalAffairs}),
      /*10 三(三)6*/
      Replied(kPio, Day(2024, 5, 7), Day(2024, 5, 28), O::kNotDisclosed,
              Why::kUnspecified, {G::kProcessInformation, G::kInternalAffairs}),
      /*11 三(三)7*/
      Replied(kNp, Day(2024, 6, 3), Day(2024, 6, 24), O::kNotDisclosed,
              Why::kUnspecified, {G::kLawEnforcementFile}),
      /*12 三(三)8*/
      Replied(kOo, Day(2024, 6, 4), Day(2024, 6, 25), O::kNotDisclosed,
              Why::kUnspecified, {G::kAdministrativeQuery}),
      /*13 三(四)1*/
      Replied(kNp, Day(2024, 7, 1), Day(2024, 7, 19), O::kCannotProvide,
              Why::kNotHeld),
      /*14 三(四)2*/
      Replied(kCe, Day(2024, 7, 2), Day(2024, 7, 22), O::kCannotProvide,
              Why::kNeedsNewInformation),
      /*15 三(四)3*/
      Replied(kNp, Day(2024, 7, 3), Day(2024, 8, 20), O::kCannotProvide,
              Why::kUnclearAfterCorrection),
      /*16 三(四)1*/
      Replied(kNp, Day(2024, 8, 1), Day(2024, 8, 12), O::kNotThisAgency),
      /*17 三(五)1*/
      Replied(kNp, Day(2024, 8, 5), Day(2024, 8, 15), O::kNotProcessed,
              Why::kPetitionOrComplaint),
      /*18 三(五)2*/
      Replied(kNp, Day(2024, 9, 2), Day(2024, 9, 10), O::kNotProcessed,
              Why::kRepeatedApplication),
      /*19 三(五)3*/
      Replied(kLso, Day(2024, 9, 3), Day(2024, 9, 11), O::kNotProcessed,
              Why::kPublishedMaterial),
      /*20 三(五)4*/
      Replied(kNp, Day(2024, 9, 4), Day(2024, 10, 30), O::kNotProcessed,
              Why::kUnreasonableVolume),
      /*21 三(五)5*/
      Replied(kCe, Day(2024, 10, 8), Day(2024, 10, 25), O::kNotProcessed,
              Why::kConfirmationRequest),
      /*22 三(六)3*/
      Replied(kNp, Day(2024, 10, 9), Day(2024, 10, 21), O::kSpecialRegime),
      /*23 三(六)1*/
      ClosedWithoutReply(kNp, Day(2024, 11, 1), Day(2024, 12, 2),
                         CaseState::kDeemedWithdrawn),
      /*24 三(六)3*/
      ClosedWithoutReply(kRi, Day(2024, 11, 4), Day(2024, 11, 6),
                         CaseState::kWithdrawn),
      /*25 三(四)1, closed on the last day of the year*/
      ClosedWithoutReply(kOo, Day(2024, 12, 2), Day(2024, 12, 31),
                         CaseState::kTransferred),
      // Carried over from 2023 (row 二).
      /*26 二, 三(一)*/
      Replied(kNp, Day(2023, 12, 20), Day(2024, 1, 15), O::kDisclosed),
      /*27 二, 三(三)4*/
      Replied(kCe, Day(2023, 11, 30), Day(2024, 1, 10), O::kNotDisclosed,
              Why::kUnspecified, {G::kThirdPartyRights}),
      /*28 二, 四: still open*/
      Open(kNp, Day(2023, 12, 28), CaseState::kInProgress),
      /*29 二, 四: replied only in 2025*/
      Replied(kPio, Day(2023, 12, 29), Day(2025, 1, 5), O::kDisclosed),
      // Received in 2024 and carried forward (rows 一 and 四).
      /*30*/ Open(kNp, Day(2024, 12, 20), CaseState::kInProgress),
      /*31*/ Open(kLso, Day(2024, 12, 25), CaseState::kAwaitingCorrection),
      /*32*/
      ClosedWithoutReply(kNp, Day(2024, 12, 30), Day(2025, 1, 8),
                         CaseState::kWithdrawn),
      // Outside 2024 altogether.
      /*33 closed on 2023-12-31*/
      Replied(kNp, Day(2023, 12, 1), Day(2023, 12, 31), O::kDisclosed),
      /*34 received in 2025*/
      Open(kCe, Day(2025, 1, 2), CaseState::kReceived),
  };
}

// A row of table 三 as {自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
// 其他, 总计}.
using Row = std::array<int, kApplicantColumnCount>;

Row RowOf(const AnnualReport& report, R r) {
  return report.applications.cells[static_cast<int>(r)];
}

class AnnualReportTest : public ::testing::Test {
 protected:
  AnnualReportTest() : cases_(TwoYearsOfCases()) {}
  std::vector<ReportCase> cases_;
};

TEST_F(AnnualReportTest, CountsReceivedCarriedOverHandledAndForwarded) {
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, cases_, {});
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->year, 2024);
  // 一: cases 0-25 and 30-32.
  EXPECT_EQ(RowOf(*report, R::kNewThisYear), (Row{17, 4, 2, 1, 3, 2, 29}));
  // 二: cases 26-29.
  EXPECT_EQ(RowOf(*report, R::kCarriedOver), (Row{2, 1, 0, 1, 0, 0, 4}));
  // 三(七): cases 0-27.
  EXPECT_EQ(RowOf(*report, R::kHandledTotal), (Row{16, 5, 2, 1, 2, 2, 28}));
  // 四: cases 28-32.
  EXPECT_EQ(RowOf(*report, R::kCarriedForward), (Row{3, 0, 0, 1, 1, 0, 5}));
}

TEST_F(AnnualReportTest, CountsEachClosedCaseInItsResultRow) {
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, cases_, {});
  ASSERT_THAT(report, IsOk());
  const auto total = [&](R r) {
    return report->applications.Get(r, C::kTotal);
  };
  // Cases 0, 1, 2, 26: ALREADY_PUBLIC and DISCLOSED.
  EXPECT_EQ(RowOf(*report, R::kDisclosed), (Row{3, 1, 0, 0, 0, 0, 4}));
  // Cases 3, 4; case 4's state-secret ground is not counted in 三(三)1.
  EXPECT_EQ(RowOf(*report, R::kPartiallyDisclosed), (Row{1, 0, 0, 0, 1, 0, 2}));
  EXPECT_EQ(total(R::kWithheldStateSecret), 1);
  EXPECT_EQ(RowOf(*report, R::kWithheldProhibitedByLaw),
            (Row{0, 0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(total(R::kWithheldSecurityOrStability), 1);
  // Cases 8 and 27, not case 6 (second ground).
  EXPECT_EQ(RowOf(*report, R::kWithheldThirdPartyRights),
            (Row{0, 2, 0, 0, 0, 0, 2}));
  EXPECT_EQ(total(R::kWithheldInternalAffairs), 1);
  EXPECT_EQ(RowOf(*report, R::kWithheldProcessInformation),
            (Row{0, 0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(total(R::kWithheldLawEnforcementFile), 1);
  EXPECT_EQ(RowOf(*report, R::kWithheldAdministrativeQuery),
            (Row{0, 0, 0, 0, 0, 1, 1}));
  // Cases 13 (NOT_HELD), 16 (NOT_THIS_AGENCY), 25 (TRANSFERRED).
  EXPECT_EQ(RowOf(*report, R::kCannotProvideNotHeld),
            (Row{2, 0, 0, 0, 0, 1, 3}));
  EXPECT_EQ(RowOf(*report, R::kCannotProvideNeedsNewInformation),
            (Row{0, 1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(total(R::kCannotProvideUnclearAfterCorrection), 1);
  EXPECT_EQ(total(R::kNotProcessedPetitionOrComplaint), 1);
  EXPECT_EQ(total(R::kNotProcessedRepeatedApplication), 1);
  EXPECT_EQ(RowOf(*report, R::kNotProcessedPublishedMaterial),
            (Row{0, 0, 0, 0, 1, 0, 1}));
  EXPECT_EQ(total(R::kNotProcessedUnreasonableVolume), 1);
  EXPECT_EQ(RowOf(*report, R::kNotProcessedConfirmationRequest),
            (Row{0, 1, 0, 0, 0, 0, 1}));
  // Case 23 (DEEMED_WITHDRAWN).
  EXPECT_EQ(RowOf(*report, R::kOtherNotCorrected), (Row{1, 0, 0, 0, 0, 0, 1}));
  // No case state records an unpaid fee yet.
  EXPECT_EQ(RowOf(*report, R::kOtherFeeNotPaid), (Row{0, 0, 0, 0, 0, 0, 0}));
  // Cases 22 (SPECIAL_REGIME) and 24 (WITHDRAWN).
  EXPECT_EQ(RowOf(*report, R::kOtherOther), (Row{1, 0, 1, 0, 0, 0, 2}));
}

TEST_F(AnnualReportTest, PreviousYearSeesOnlyItsOwnCases) {
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2023, cases_, {});
  ASSERT_THAT(report, IsOk());
  // Received in 2023: cases 26-29 and 33; nothing from 2022.
  EXPECT_EQ(RowOf(*report, R::kNewThisYear), (Row{3, 1, 0, 1, 0, 0, 5}));
  EXPECT_EQ(RowOf(*report, R::kCarriedOver), (Row{0, 0, 0, 0, 0, 0, 0}));
  // Only case 33 closed in 2023, on 31 December.
  EXPECT_EQ(RowOf(*report, R::kDisclosed), (Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(RowOf(*report, R::kHandledTotal), (Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(RowOf(*report, R::kCarriedForward), (Row{2, 1, 0, 1, 0, 0, 4}));
}

TEST_F(AnnualReportTest, ForwardedCasesBecomeNextYearsCarriedOver) {
  for (int year : {2023, 2024}) {
    absl::StatusOr<AnnualReport> report = BuildAnnualReport(year, cases_, {});
    absl::StatusOr<AnnualReport> next = BuildAnnualReport(year + 1, cases_, {});
    ASSERT_THAT(report, IsOk());
    ASSERT_THAT(next, IsOk());
    EXPECT_EQ(RowOf(*report, R::kCarriedForward), RowOf(*next, R::kCarriedOver))
        << year;
  }
}

TEST_F(AnnualReportTest, EveryColumnSatisfiesTheAccountingIdentity) {
  for (int year : {2022, 2023, 2024, 2025}) {
    absl::StatusOr<AnnualReport> report = BuildAnnualReport(year, cases_, {});
    ASSERT_THAT(report, IsOk());
    const ApplicationTable& t = report->applications;
    for (const ColumnInfo& col : ApplicantColumns()) {
      EXPECT_EQ(t.Get(R::kNewThisYear, col.column) +
                    t.Get(R::kCarriedOver, col.column),
                t.Get(R::kHandledTotal, col.column) +
                    t.Get(R::kCarriedForward, col.column))
          << year << " " << col.code;
    }
  }
}

TEST_F(AnnualReportTest, TotalColumnAndHandledRowAddUp) {
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, cases_, {});
  ASSERT_THAT(report, IsOk());
  int handled = 0;
  for (int r = static_cast<int>(R::kDisclosed);
       r < static_cast<int>(R::kHandledTotal); ++r) {
    handled += report->applications.cells[r][static_cast<int>(C::kTotal)];
  }
  EXPECT_EQ(handled, 28);
  for (const auto& row : report->applications.cells) {
    int sum = 0;
    for (int c = 0; c < static_cast<int>(C::kTotal); ++c) sum += row[c];
    EXPECT_EQ(row[static_cast<int>(C::kTotal)], sum);
  }
}

TEST(AnnualReportValidationTest, ClosedBeforeReceivedNamesTheCase) {
  std::vector<ReportCase> cases = TwoYearsOfCases();
  cases[2].closed_date = Day(2024, 2, 28);  // received 2024-03-01
  EXPECT_THAT(BuildAnnualReport(2024, cases, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[2].closed_date")));
}

TEST(AnnualReportValidationTest, RejectsCasesInconsistentInAnyYear) {
  // Case 33 is outside 2024 but still checked.
  std::vector<ReportCase> cases = TwoYearsOfCases();
  cases[33].closed_date.reset();
  EXPECT_THAT(BuildAnnualReport(2024, cases, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[33].closed_date")));
}

TEST(AnnualReportValidationTest, RejectsClosedDateOnOpenCase) {
  std::vector<ReportCase> cases = {
      Open(kNp, Day(2024, 1, 2), CaseState::kInReview)};
  cases[0].closed_date = Day(2024, 1, 9);
  EXPECT_THAT(BuildAnnualReport(2024, cases, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[0].closed_date")));
}

TEST(AnnualReportValidationTest, RejectsIncompleteReply) {
  std::vector<ReportCase> cases = {
      Replied(kNp, Day(2024, 1, 2), Day(2024, 1, 9), ReplyOutcome::kDisclosed),
      Replied(kNp, Day(2024, 1, 2), Day(2024, 1, 9),
              ReplyOutcome::kNotDisclosed)};
  EXPECT_THAT(BuildAnnualReport(2024, cases, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[1].grounds")));
}

TEST(AnnualReportValidationTest, RejectsUnspecifiedApplicantAndState) {
  ReportCase no_type =
      Open(ApplicantType::kUnspecified, Day(2024, 1, 2), CaseState::kReceived);
  EXPECT_THAT(BuildAnnualReport(2024, {no_type}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[0].applicant_type")));
  ReportCase no_state = Open(kNp, Day(2024, 1, 2), CaseState::kUnspecified);
  EXPECT_THAT(BuildAnnualReport(2024, {no_state}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[0].state")));
  ReportCase bad_state = Open(kNp, Day(2024, 1, 2), static_cast<CaseState>(99));
  EXPECT_THAT(BuildAnnualReport(2024, {bad_state}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cases[0].state")));
}

TEST(AnnualReportValidationTest, RejectsNonPositiveYear) {
  EXPECT_THAT(BuildAnnualReport(0, {}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("year")));
}

TEST_F(AnnualReportTest, EmptyInputGivesAllZeroTables) {
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, {}, {});
  ASSERT_THAT(report, IsOk());
  for (const auto& row : report->applications.cells) {
    EXPECT_EQ(row, Row{});
  }
  EXPECT_EQ(report->appeals.reconsideration.total, 0);
  EXPECT_TRUE(report->topics.empty());
}

// Table 四.

Appeal Decided(AppealKind kind, AppealResult result, absl::CivilDay filed,
               absl::CivilDay decided) {
  return {kind, result, filed, decided};
}

Appeal Pending(AppealKind kind, absl::CivilDay filed) {
  return {kind, AppealResult::kPending, filed, std::nullopt};
}

TEST(AppealTableTest, CountsAppealsFiledInTheYearByKindAndResult) {
  using K = AppealKind;
  using A = AppealResult;
  const std::vector<Appeal> appeals = {
      Decided(K::kReconsideration, A::kUpheld, Day(2024, 3, 1),
              Day(2024, 5, 1)),
      Decided(K::kReconsideration, A::kCorrected, Day(2024, 4, 1),
              Day(2024, 6, 1)),
      Decided(K::kReconsideration, A::kOther, Day(2024, 5, 1), Day(2024, 7, 1)),
      Pending(K::kReconsideration, Day(2024, 11, 1)),
      // Decided after 31 December: still pending in the 2024 report.
      Decided(K::kReconsideration, A::kUpheld, Day(2024, 12, 1),
              Day(2025, 1, 20)),
      Decided(K::kLitigationDirect, A::kUpheld, Day(2024, 1, 10),
              Day(2024, 9, 1)),
      Decided(K::kLitigationDirect, A::kUpheld, Day(2024, 2, 10),
              Day(2024, 12, 31)),
      Decided(K::kLitigationDirect, A::kCorrected, Day(2024, 3, 10),
              Day(2024, 10, 1)),
      Pending(K::kLitigationDirect, Day(2024, 6, 10)),
      Decided(K::kLitigationAfterReconsideration, A::kOther, Day(2024, 1, 5),
              Day(2024, 8, 5)),
      Decided(K::kLitigationAfterReconsideration, A::kCorrected,
              Day(2024, 7, 5), Day(2024, 11, 5)),
      // Filed outside 2024: not counted.
      Decided(K::kReconsideration, A::kUpheld, Day(2023, 12, 30),
              Day(2024, 2, 1)),
      Pending(K::kLitigationDirect, Day(2025, 1, 3)),
  };
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, {}, appeals);
  ASSERT_THAT(report, IsOk());
  // {维持, 纠正, 其他, 尚未审结, 总计}
  EXPECT_THAT(report->appeals.reconsideration.Values(),
              ElementsAre(1, 1, 1, 2, 5));
  EXPECT_THAT(report->appeals.litigation_direct.Values(),
              ElementsAre(2, 1, 0, 1, 4));
  EXPECT_THAT(report->appeals.litigation_after_reconsideration.Values(),
              ElementsAre(0, 1, 1, 0, 2));
}

TEST(AppealTableTest, RejectsInconsistentAppeals) {
  using K = AppealKind;
  const Appeal ok = Pending(K::kReconsideration, Day(2024, 3, 1));
  const Appeal backwards = Decided(K::kReconsideration, AppealResult::kUpheld,
                                   Day(2024, 3, 1), Day(2024, 2, 1));
  EXPECT_THAT(BuildAnnualReport(2024, {}, {ok, backwards}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("appeals[1].decided_date")));
  const Appeal pending_but_decided =
      Decided(K::kLitigationDirect, AppealResult::kPending, Day(2024, 3, 1),
              Day(2024, 4, 1));
  EXPECT_THAT(BuildAnnualReport(2024, {}, {pending_but_decided}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("appeals[0].result")));
  Appeal result_without_date = ok;
  result_without_date.result = AppealResult::kCorrected;
  EXPECT_THAT(BuildAnnualReport(2024, {}, {result_without_date}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("appeals[0].decided_date")));
  Appeal unknown_kind = ok;
  unknown_kind.kind = static_cast<AppealKind>(7);
  EXPECT_THAT(BuildAnnualReport(2024, {}, {unknown_kind}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("appeals[0].kind")));
}

// Topics.

TEST(TopicsTest, KeepsTheMostAskedInStableOrderUpToTheLimit) {
  std::vector<Topic> topics = {{"停车收费", 3},
                               {"学区划分", 9},
                               {"拆迁补偿", 5},
                               {"公交线路", 5},
                               {"垃圾分类", 1}};
  absl::StatusOr<AnnualReport> report =
      BuildAnnualReport(2024, {}, {}, topics, 3);
  ASSERT_THAT(report, IsOk());
  ASSERT_EQ(report->topics.size(), 3u);
  EXPECT_EQ(report->topics[0].label, "学区划分");
  EXPECT_EQ(report->topics[1].label, "拆迁补偿");  // tie: input order
  EXPECT_EQ(report->topics[2].label, "公交线路");
  EXPECT_EQ(report->topics[2].count, 5);
}

TEST(TopicsTest, DefaultLimitIsTen) {
  std::vector<Topic> topics(12, Topic{"事项", 1});
  absl::StatusOr<AnnualReport> report = BuildAnnualReport(2024, {}, {}, topics);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->topics.size(), 10u);
}

TEST(TopicsTest, RejectsBadTopicsAndLimit) {
  EXPECT_THAT(BuildAnnualReport(2024, {}, {}, {{"a", 1}, {"b", -1}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("topics[1].count")));
  EXPECT_THAT(BuildAnnualReport(2024, {}, {}, {{"", 1}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("topics[0].label")));
  EXPECT_THAT(BuildAnnualReport(2024, {}, {}, {{"two\nlines", 1}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("topics[0].label")));
  EXPECT_THAT(BuildAnnualReport(2024, {}, {}, {{"\xff", 1}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("topics[0].label")));
  EXPECT_THAT(
      BuildAnnualReport(2024, {}, {}, {}, -1),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("max_topics")));
}

}  // namespace
}  // namespace foi::annual
