#include "libs/casefile/application_rules.h"

#include <functional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

const IntakeContext kCtx{absl::CivilDay(2026, 11, 27), "ogi-office"};

Application ValidApplication() {
  Application a;
  a.applicant.type = ApplicantType::kNaturalPerson;
  a.applicant.name = " 张三 ";
  a.applicant.id_document_type = IdentityDocumentType::kResidentIdentityCard;
  a.applicant.id_document_number = "11010519491231002x";
  a.applicant.phone = "138 0013 8000";
  a.details.information_description =
      "2025年本区老旧小区改造项目的资金使用明细";
  a.details.delivery_form = DeliveryForm::kElectronic;
  a.details.delivery_route = DeliveryRoute::kByOnlinePortal;
  a.channel = Channel::kOnline;
  return a;
}

TEST(ApplicationRulesTest, CompletesAValidApplication) {
  auto got = ValidateApplication(ValidApplication(), kCtx);
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->applicant.name, "张三");
  EXPECT_EQ(got->applicant.id_document_number, "11010519491231002X");
  EXPECT_EQ(got->receipt_date, absl::CivilDay(2026, 11, 27));
  EXPECT_EQ(got->unit, "ogi-office");
}

TEST(ApplicationRulesTest, KeepsAStatedPastReceiptDate) {
  Application a = ValidApplication();
  a.receipt_date = absl::CivilDay(2026, 11, 20);
  auto got = ValidateApplication(a, kCtx);
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->receipt_date, absl::CivilDay(2026, 11, 20));
}

struct BadCase {
  const char* what;
  std::function<void(Application&)> spoil;
  const char* field;
};

TEST(ApplicationRulesTest, NamesTheFieldOfEachArt29Omission) {
  const BadCase cases[] = {
      {"no channel", [](Application& a) { a.channel = Channel::kUnspecified; },
       "case.channel"},
      {"unknown channel",
       [](Application& a) { a.channel = static_cast<Channel>(42); },
       "case.channel"},
      {"no applicant type",
       [](Application& a) { a.applicant.type = ApplicantType::kUnspecified; },
       "case.applicant.type"},
      {"blank name", [](Application& a) { a.applicant.name = "  "; },
       "case.applicant.name"},
      {"long name",
       [](Application& a) { a.applicant.name = std::string(201, 'a'); },
       "case.applicant.name"},
      {"bad utf8 name", [](Application& a) { a.applicant.name = "\xC3\x28"; },
       "case.applicant.name"},
      {"no id type",
       [](Application& a) {
         a.applicant.id_document_type = IdentityDocumentType::kUnspecified;
       },
       "case.applicant.id_document_type"},
      {"no id number",
       [](Application& a) { a.applicant.id_document_number = ""; },
       "case.applicant.id_document_number"},
      {"bad id check digit",
       [](Application& a) {
         a.applicant.id_document_number = "110105194912310021";
       },
       "case.applicant.id_document_number"},
      {"no contact", [](Application& a) { a.applicant.phone = ""; },
       "case.applicant"},
      {"bad phone", [](Application& a) { a.applicant.phone = "call me"; },
       "case.applicant.phone"},
      {"bad email",
       [](Application& a) { a.applicant.email = "zhangsan.example.cn"; },
       "case.applicant.email"},
      {"no description",
       [](Application& a) { a.details.information_description = "\n"; },
       "case.details.information_description"},
      {"no delivery form",
       [](Application& a) {
         a.details.delivery_form = DeliveryForm::kUnspecified;
       },
       "case.details.delivery_form"},
      {"no delivery route",
       [](Application& a) {
         a.details.delivery_route = DeliveryRoute::kUnspecified;
       },
       "case.details.delivery_route"},
      {"post without address",
       [](Application& a) {
         a.details.delivery_route = DeliveryRoute::kByPost;
       },
       "case.applicant.postal_address"},
      {"email route without email",
       [](Application& a) {
         a.details.delivery_route = DeliveryRoute::kByEmail;
       },
       "case.applicant.email"},
      {"future receipt",
       [](Application& a) { a.receipt_date = absl::CivilDay(2026, 11, 28); },
       "case.receipt_date"},
      {"pre-2019 receipt",
       [](Application& a) { a.receipt_date = absl::CivilDay(2019, 5, 14); },
       "case.receipt_date"},
      {"person with credit code",
       [](Application& a) {
         a.applicant.id_document_type =
             IdentityDocumentType::kUnifiedSocialCreditCode;
       },
       "case.applicant.id_document_type"},
      {"company with id card",
       [](Application& a) {
         a.applicant.type = ApplicantType::kCommercialEnterprise;
       },
       "case.applicant.id_document_type"},
      {"long unit", [](Application& a) { a.unit = std::string(65, 'u'); },
       "case.unit"},
  };
  for (const BadCase& c : cases) {
    Application a = ValidApplication();
    c.spoil(a);
    EXPECT_THAT(ValidateApplication(a, kCtx),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr(std::string(c.field) + ":")))
        << c.what;
  }
}

TEST(ApplicationRulesTest, OrganisationWithCreditCodeIsAccepted) {
  Application a = ValidApplication();
  a.applicant.type = ApplicantType::kLegalServiceOrganization;
  a.applicant.id_document_type = IdentityDocumentType::kUnifiedSocialCreditCode;
  a.applicant.id_document_number = "91110000600037341L";
  EXPECT_THAT(ValidateApplication(a, kCtx), IsOk());
}

TEST(ApplicationRulesTest, RequestIdMustBePrintableAscii) {
  EXPECT_THAT(ValidateRequestId("request_id", "7f9c-11ef"), IsOk());
  EXPECT_THAT(ValidateRequestId("request_id", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("request_id: required")));
  EXPECT_THAT(ValidateRequestId("request_id", "a b"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateRequestId("request_id", std::string(129, 'a')),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ApplicationRulesTest, ResidentIdNumbersFollowGb11643) {
  EXPECT_TRUE(IsValidResidentIdNumber("11010519491231002X"));
  EXPECT_FALSE(IsValidResidentIdNumber("110105194912310021"));  // check digit
  EXPECT_FALSE(IsValidResidentIdNumber("11010519490231002X"));  // Feb 31
  EXPECT_TRUE(IsValidResidentIdNumber("110105491231002"));      // legacy
  EXPECT_FALSE(IsValidResidentIdNumber("110105491331002"));     // month 13
  EXPECT_FALSE(IsValidResidentIdNumber("1101051949123100"));    // length
}

}  // namespace
}  // namespace foi::casefile
