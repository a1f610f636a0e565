#include "libs/convert/case_proto.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::convert {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

v1::Case Submitted() {
  v1::Case c;
  c.mutable_applicant()->set_type(v1::NATURAL_PERSON);
  c.mutable_applicant()->set_name("李四");
  c.mutable_applicant()->set_phone("010-12345678");
  c.mutable_details()->set_information_description("某项目环评报告");
  c.set_channel(v1::POST);
  c.mutable_receipt_date()->set_year(2026);
  c.mutable_receipt_date()->set_month(11);
  c.mutable_receipt_date()->set_day(20);
  return c;
}

TEST(CaseProtoTest, ReadsTheApplicationAndItsReceiptDate) {
  auto a = ApplicationFromProto(Submitted());
  ASSERT_THAT(a, IsOk());
  EXPECT_EQ(a->applicant.name, "李四");
  EXPECT_EQ(a->channel, casefile::Channel::kPost);
  EXPECT_EQ(a->receipt_date, absl::CivilDay(2026, 11, 20));
}

TEST(CaseProtoTest, AbsentReceiptDateStaysAbsent) {
  v1::Case c = Submitted();
  c.clear_receipt_date();
  auto a = ApplicationFromProto(c);
  ASSERT_THAT(a, IsOk());
  EXPECT_FALSE(a->receipt_date.has_value());
}

TEST(CaseProtoTest, RejectsANormalisedDate) {
  v1::Case c = Submitted();
  c.mutable_receipt_date()->set_month(2);
  c.mutable_receipt_date()->set_day(30);
  EXPECT_THAT(ApplicationFromProto(c),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("case.receipt_date")));
}

TEST(CaseProtoTest, SubmissionHashIgnoresOutputOnlyFields) {
  v1::Case a = Submitted();
  v1::Case b = Submitted();
  b.set_name("cases/x");
  b.set_etag("W/\"9\"");
  b.set_state(v1::REPLIED);
  EXPECT_EQ(SubmissionHash(a), SubmissionHash(b));
  b.mutable_applicant()->set_name("王五");
  EXPECT_NE(SubmissionHash(a), SubmissionHash(b));
}

TEST(CaseProtoTest, ReviewersSeeOnlyTheApplicantsName) {
  casefile::CaseRecord r;
  r.id = "abc";
  r.applicant.name = "李四";
  r.applicant.phone = "010-12345678";
  r.applicant.id_document_number = "11010519491231002X";
  r.receipt_date = absl::CivilDay(2026, 11, 20);
  r.version = 3;
  v1::Case full, masked;
  CaseToProto(r, ApplicantView::kFull, &full);
  CaseToProto(r, ApplicantView::kNameOnly, &masked);
  EXPECT_EQ(full.name(), "cases/abc");
  EXPECT_EQ(full.applicant().phone(), "010-12345678");
  EXPECT_EQ(masked.applicant().name(), "李四");
  EXPECT_TRUE(masked.applicant().phone().empty());
  EXPECT_TRUE(masked.applicant().id_document_number().empty());
  EXPECT_EQ(full.etag(), casefile::EtagForVersion(3));
}

TEST(CaseProtoTest, CaseNamesRoundTripAndRejectJunk) {
  EXPECT_THAT(ParseCaseName("name", CaseName("0193abc")), IsOk());
  for (const char* bad : {"", "cases/", "case/x", "cases/a/b", "cases/a b"}) {
    EXPECT_THAT(
        ParseCaseName("name", bad),
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("name:")))
        << bad;
  }
}

}  // namespace
}  // namespace foi::convert
