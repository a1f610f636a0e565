#include "libs/common/status_macros.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace {

using ::foi::testing::IsOk;
using ::foi::testing::IsOkAndHolds;
using ::foi::testing::StatusIs;

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("x: odd");
  return x / 2;
}

absl::StatusOr<int> Quarter(int x) {
  FOI_ASSIGN_OR_RETURN(int h, Half(x));
  FOI_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

absl::Status CheckEven(int x) {
  FOI_RETURN_IF_ERROR(Half(x).status());
  return absl::OkStatus();
}

TEST(StatusMacrosTest, AssignOrReturnPassesValuesThrough) {
  EXPECT_THAT(Quarter(8), IsOkAndHolds(2));
}

TEST(StatusMacrosTest, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_THAT(Quarter(6), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(StatusMacrosTest, ReturnIfErrorStopsOnError) {
  EXPECT_THAT(CheckEven(2), IsOk());
  EXPECT_THAT(CheckEven(3), StatusIs(absl::StatusCode::kInvalidArgument,
                                     ::testing::HasSubstr("odd")));
}

}  // namespace
