#include "libs/convert/page_token.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::convert {
namespace {

using ::foi::testing::IsOkAndHolds;
using ::foi::testing::StatusIs;

TEST(PageTokenTest, RoundTripsForTheSameQuery) {
  const std::string t = EncodePageToken("0193abc", "state=RECEIVED;");
  EXPECT_THAT(DecodePageToken(t, "state=RECEIVED;"), IsOkAndHolds("0193abc"));
  EXPECT_THAT(DecodePageToken("", "anything"), IsOkAndHolds(""));
}

TEST(PageTokenTest, RefusesATokenOfAnotherQueryOrGarbage) {
  const std::string t = EncodePageToken("0193abc", "state=RECEIVED;");
  EXPECT_THAT(DecodePageToken(t, "state=REPLIED;"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodePageToken("not*base64", ""),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(PageTokenTest, PageSizeDefaultsCapsAndRejectsNegative) {
  EXPECT_THAT(ResolvePageSize(0, 50, 1000), IsOkAndHolds(50));
  EXPECT_THAT(ResolvePageSize(5000, 50, 1000), IsOkAndHolds(1000));
  EXPECT_THAT(ResolvePageSize(7, 50, 1000), IsOkAndHolds(7));
  EXPECT_THAT(ResolvePageSize(-1, 50, 1000),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::convert
