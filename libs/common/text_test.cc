#include "libs/common/text.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(TextTest, AcceptsChineseAndCountsCharactersNotBytes) {
  EXPECT_TRUE(foi::IsValidUtf8("政府信息公开"));
  EXPECT_EQ(foi::Utf8Length("政府信息公开"), 6u);
  EXPECT_THAT(foi::ValidateText("f", "政府信息公开", {6}), IsOk());
  EXPECT_THAT(foi::ValidateText("f", "政府信息公开", {5}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(TextTest, RejectsMalformedUtf8) {
  const char* bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                       "\xE6\x94", "\xFF"};
  for (const char* s : bad) {
    EXPECT_FALSE(foi::IsValidUtf8(s)) << s;
    EXPECT_THAT(foi::ValidateText("case.unit", s, {100}),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("case.unit: not valid UTF-8")));
  }
}

TEST(TextTest, RequiredFieldRejectsBlank) {
  EXPECT_THAT(foi::ValidateText("case.applicant.name", "  ", {10, true}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("case.applicant.name: required")));
  EXPECT_THAT(foi::ValidateText("x", "", {10, false}), IsOk());
}

TEST(TextTest, ControlCharactersOnlyWhereMultiline) {
  EXPECT_THAT(foi::ValidateText("x", "a\nb", {10}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(foi::ValidateText("x", "a\nb", {10, false, true}), IsOk());
  EXPECT_THAT(foi::ValidateText("x", std::string("a\0b", 3), {10, false, true}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
