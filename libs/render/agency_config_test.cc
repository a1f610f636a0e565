#include "libs/render/agency_config.h"

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

#ifndef FOI_SOURCE_DIR
#error "FOI_SOURCE_DIR must name the source tree"
#endif

namespace {

using ::foi::render::AgencyConfig;
using ::foi::render::ExpandRemedyNotice;
using ::foi::render::FormatDocumentNumber;
using ::foi::render::LoadAgencyConfig;
using ::foi::render::ParseAgencyConfig;
using ::foi::render::ValidateAgencyConfig;
using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kMinimal[] =
    "# comment\n"
    "agency_name = 云岭市自然资源和规划局\n"
    "agency_short=云自然资规\n"
    "document_number_pattern = {agency_short}依公开〔{year}〕{seq}号\n"
    "address = 云岭市云溪区滨江路88号\n"
    "postcode = 650300\n"
    "phone = 0871-65881234\n"
    "seal_text = 云岭市自然资源和规划局\n"
    "reconsideration_body = 云岭市人民政府\n"
    "court = 云岭市云溪区人民法院\n"
    "remedy_notice = "
    "可以向{reconsideration_body}申请行政复议，或者向{court}起诉。\n"
    "remedy_notice_reconsideration_first = "
    "应当先向{reconsideration_body}申请行政复议。\n"
    "fee_payment_route = 到本机关窗口缴纳\n";

std::string Replace(absl::string_view from, absl::string_view to) {
  return absl::StrReplaceAll(kMinimal, {{from, to}});
}

TEST(AgencyConfigTest, ParsesEveryKey) {
  absl::StatusOr<AgencyConfig> c = ParseAgencyConfig(kMinimal, "a.conf");
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->agency_name, "云岭市自然资源和规划局");
  EXPECT_EQ(c->agency_short, "云自然资规");
  EXPECT_EQ(c->postcode, "650300");
  EXPECT_EQ(c->fee_payment_route, "到本机关窗口缴纳");
  EXPECT_TRUE(c->document_number_patterns.empty());
}

TEST(AgencyConfigTest, ShippedExampleAndTestFixtureParse) {
  EXPECT_THAT(LoadAgencyConfig(FOI_SOURCE_DIR "/deploy/agency.example.conf"),
              IsOk());
  absl::StatusOr<AgencyConfig> fixture =
      LoadAgencyConfig(FOI_SOURCE_DIR "/libs/render/testdata/agency.conf");
  ASSERT_THAT(fixture, IsOk());
  EXPECT_EQ(fixture->document_number_patterns.size(), 4u);
}

TEST(AgencyConfigTest, MissingKeyIsNamed) {
  EXPECT_THAT(
      ParseAgencyConfig(Replace("seal_text = 云岭市自然资源和规划局\n", ""),
                        "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               StartsWith("seal_text: required")));
}

TEST(AgencyConfigTest, EmptyValueIsNamed) {
  EXPECT_THAT(ParseAgencyConfig(
                  Replace("court = 云岭市云溪区人民法院", "court ="), "a.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("court: required")));
}

TEST(AgencyConfigTest, UnknownDuplicateAndMalformedLinesNameFileLineAndKey) {
  EXPECT_THAT(
      ParseAgencyConfig(std::string(kMinimal) + "sael_text = x\n", "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("a.conf:14: sael_text: unknown key")));
  EXPECT_THAT(
      ParseAgencyConfig(std::string(kMinimal) + "phone = 1\n", "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("a.conf:14: phone: set twice")));
  EXPECT_THAT(
      ParseAgencyConfig(std::string(kMinimal) + "just words\n", "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("a.conf:14: expected 'key = value'")));
}

TEST(AgencyConfigTest, PostcodeMustBeSixDigits) {
  for (const char* bad : {"65030", "6503000", "65030X"}) {
    EXPECT_THAT(
        ParseAgencyConfig(Replace("650300", bad), "a.conf"),
        StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("postcode:")))
        << bad;
  }
}

TEST(AgencyConfigTest, PlaceholdersAreChecked) {
  EXPECT_THAT(
      ParseAgencyConfig(Replace("{court}起诉", "{cuort}起诉"), "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               StartsWith("remedy_notice: unknown placeholder {cuort}")));
  EXPECT_THAT(
      ParseAgencyConfig(Replace("〔{year}〕{seq}号", "〔{year}〕号"), "a.conf"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               StartsWith("document_number_pattern: must contain {seq}")));
  EXPECT_THAT(ParseAgencyConfig(Replace("{seq}号", "{seq号"), "a.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("document_number_pattern:")));
  EXPECT_THAT(ParseAgencyConfig(
                  Replace("申请行政复议。\n", "申请行政复议}。\n"), "a.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("remedy_notice_reconsideration_first:")));
}

TEST(AgencyConfigTest, DocumentNumberOverridesAreForLetterKindsOnly) {
  absl::StatusOr<AgencyConfig> c =
      ParseAgencyConfig(std::string(kMinimal) +
                            "document_number_pattern.fee_notice = "
                            "{agency_short}费〔{year}〕{seq}号\n",
                        "a.conf");
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->document_number_patterns.at("fee_notice"),
            "{agency_short}费〔{year}〕{seq}号");
  EXPECT_THAT(
      ParseAgencyConfig(
          std::string(kMinimal) + "document_number_pattern.memo = {seq}\n",
          "a.conf"),
      StatusIs(
          absl::StatusCode::kInvalidArgument,
          StartsWith("document_number_pattern.memo: unknown letter kind")));
}

TEST(AgencyConfigTest, MissingFileIsNotFound) {
  EXPECT_THAT(LoadAgencyConfig(FOI_SOURCE_DIR "/no/such/agency.conf"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(AgencyConfigTest, ValidateCatchesHandBuiltConfigs) {
  absl::StatusOr<AgencyConfig> c = ParseAgencyConfig(kMinimal, "a.conf");
  ASSERT_THAT(c, IsOk());
  AgencyConfig bad = *c;
  bad.phone = "0871\n6588";
  EXPECT_THAT(
      ValidateAgencyConfig(bad),
      StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("phone:")));
}

TEST(AgencyConfigTest, FormatsDocumentNumbersAndRemedyNotices) {
  EXPECT_EQ(FormatDocumentNumber("{agency_short}依公开〔{year}〕{seq}号",
                                 "云自然资规", 2026, 37),
            "云自然资规依公开〔2026〕37号");
  absl::StatusOr<AgencyConfig> c = ParseAgencyConfig(kMinimal, "a.conf");
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(
      ExpandRemedyNotice(c->remedy_notice, *c),
      "可以向云岭市人民政府申请行政复议，或者向云岭市云溪区人民法院起诉。");
}

}  // namespace
