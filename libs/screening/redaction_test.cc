#include "libs/screening/redaction.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/common/text.h"
#include "libs/screening/screener.h"

namespace foi::screening {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using rules::ExemptionGround;
using ::testing::HasSubstr;

RedactionSpan Span(absl::string_view text, absl::string_view part,
                   Category c = Category::kIdentityNumber,
                   ExemptionGround g = ExemptionGround::kThirdPartyRights) {
  const size_t begin = text.find(part);
  EXPECT_NE(begin, absl::string_view::npos) << part;
  return RedactionSpan{begin, begin + part.size(), c, g};
}

TEST(RedactTest, ReplacesEachCodePointWithOneMark) {
  const std::string text = "申请人张三，身份证号110101198503121239，电话138。";
  auto out =
      Redact(text, {Span(text, "张三"), Span(text, "110101198503121239")});
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(out->text, "申请人■■，身份证号■■■■■■■■■■■■■■■■■■，电话138。");
  EXPECT_EQ(Utf8Length(out->text), Utf8Length(text));
  ASSERT_EQ(out->log.size(), 2u);
  EXPECT_EQ(out->log[0].char_begin, 3u);
  EXPECT_EQ(out->log[0].char_end, 5u);
  EXPECT_EQ(out->log[1].char_begin, 10u);
  EXPECT_EQ(out->log[1].char_end, 28u);
  EXPECT_EQ(out->log[1].byte_begin, text.find("1101"));
}

TEST(RedactTest, LeavesNoRedactedStringInTheOutput) {
  const std::string text =
      "联系人：王五，手机13812345678，邮箱wangwu@163.com，"
      "住址：东湖区幸福里5幢。再次确认手机13812345678。";
  std::vector<RedactionSpan> spans;
  for (absl::string_view secret :
       {"王五", "13812345678", "wangwu@163.com", "东湖区幸福里5幢"}) {
    spans.push_back(Span(text, secret));
  }
  // The second copy of the phone number too.
  const size_t second = text.rfind("13812345678");
  spans.push_back({second, second + 11, Category::kPhoneNumber,
                   ExemptionGround::kThirdPartyRights});
  auto out = Redact(text, spans);
  ASSERT_THAT(out, IsOk());
  for (absl::string_view secret :
       {"王五", "13812345678", "wangwu", "163.com", "幸福里", "5幢"}) {
    EXPECT_EQ(out->text.find(std::string(secret)), std::string::npos) << secret;
  }
  EXPECT_EQ(Utf8Length(out->text), Utf8Length(text));
}

TEST(RedactTest, KeepsNewlinesInsideSpans) {
  const std::string text = "甲\n乙丙\n丁";
  auto out = Redact(text, {{0, text.size(), Category::kPersonalPrivacy,
                            ExemptionGround::kThirdPartyRights}});
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(out->text, "■\n■■\n■");
  ASSERT_EQ(out->log.size(), 1u);
  EXPECT_EQ(out->log[0].char_end, 6u);
}

TEST(RedactTest, MergesOverlappingAndAdjacentSpansUnderTheStrictestGround) {
  const std::string text = "ABCDEFGHIJ";
  auto out = Redact(
      text,
      {{5, 7, Category::kInternalAffairs, ExemptionGround::kInternalAffairs},
       {1, 3, Category::kPersonalPrivacy, ExemptionGround::kThirdPartyRights},
       {2, 4, Category::kClassificationMarking, ExemptionGround::kStateSecret},
       {4, 5, Category::kEmail, ExemptionGround::kThirdPartyRights},
       {8, 9, Category::kEmail, ExemptionGround::kUnspecified}});
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(out->text, "A■■■■■■H■J");
  ASSERT_EQ(out->log.size(), 2u);
  EXPECT_EQ(out->log[0].char_begin, 1u);
  EXPECT_EQ(out->log[0].char_end, 7u);
  EXPECT_EQ(out->log[0].ground, ExemptionGround::kStateSecret);
  EXPECT_EQ(out->log[0].category, Category::kClassificationMarking);
  EXPECT_EQ(out->log[1].char_begin, 8u);
}

TEST(RedactTest, ReturnsTextUnchangedWithoutSpans) {
  auto out = Redact("公开内容", {});
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(out->text, "公开内容");
  EXPECT_TRUE(out->log.empty());
}

TEST(RedactTest, RefusesInvalidSpans) {
  const std::string text = "身份证号";  // 4 code points, 12 bytes
  const Category c = Category::kIdentityNumber;
  const ExemptionGround g = ExemptionGround::kThirdPartyRights;
  EXPECT_THAT(Redact(text, {{3, 3, c, g}}),
              StatusIs(absl::StatusCode::kInvalidArgument));  // empty
  EXPECT_THAT(Redact(text, {{6, 3, c, g}}),
              StatusIs(absl::StatusCode::kInvalidArgument));  // reversed
  EXPECT_THAT(Redact(text, {{9, 13, c, g}}),
              StatusIs(absl::StatusCode::kInvalidArgument));  // past the end
  EXPECT_THAT(Redact(text, {{0, 3, c, g}, {1, 6, c, g}}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("spans[1]")));  // inside a code point
  EXPECT_THAT(Redact(text, {{0, 4, c, g}}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Redact("\xFF", {}), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(RedactTest, RedactsEverythingAScreenerFinds) {
  auto screener = Screener::Create({});
  ASSERT_THAT(screener, IsOk());
  const std::string text =
      "秘密★1年\n当事人李梅，身份证号码11010519491231002X，手机138 1234 5678，"
      "银行卡6222021234567890128，车辆京A12345。";
  auto findings = (*screener)->Screen(text);
  ASSERT_THAT(findings, IsOk());
  std::vector<RedactionSpan> spans;
  for (const Finding& f : *findings) {
    spans.push_back({f.byte_begin, f.byte_end, f.category, f.suggested_ground});
  }
  auto out = Redact(text, spans);
  ASSERT_THAT(out, IsOk());
  for (const Finding& f : *findings) {
    EXPECT_EQ(out->text.find(f.text), std::string::npos) << f.text;
  }
  EXPECT_EQ(Utf8Length(out->text), Utf8Length(text));
  EXPECT_EQ(out->text.substr(0, 16), "■■■■■\n");  // 秘密★1年 and the break
}

}  // namespace
}  // namespace foi::screening
