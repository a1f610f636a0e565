#include "libs/casefile/case_number.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

TEST(CaseNumberTest, FormatsWithSixDigitMinimum) {
  EXPECT_EQ(FormatCaseNumber({"FOI", 2026, 42}), "FOI-2026-000042");
  EXPECT_EQ(FormatCaseNumber({"BJHD", 2026, 1234567}), "BJHD-2026-1234567");
}

TEST(CaseNumberTest, ParseInvertsFormat) {
  auto n = ParseCaseNumber("FOI-2026-000042");
  ASSERT_THAT(n, IsOk());
  EXPECT_EQ(n->prefix, "FOI");
  EXPECT_EQ(n->year, 2026);
  EXPECT_EQ(n->sequence, 42);
}

TEST(CaseNumberTest, RejectsMalformedNumbersAndPrefixes) {
  for (const char* bad : {"FOI-2026-42", "foi-2026-000042", "FOI-26-000042",
                          "FOI2026000042", "FOI-2026-000000", ""}) {
    EXPECT_THAT(ParseCaseNumber(bad),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << bad;
  }
  EXPECT_THAT(ValidateAgencyPrefix("FOI"), IsOk());
  EXPECT_THAT(ValidateAgencyPrefix("F-OI"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateAgencyPrefix(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::casefile
