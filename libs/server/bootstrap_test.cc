#include "libs/server/bootstrap.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::server {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

const std::vector<std::string> kKnown = {"admin", "intake"};

TEST(BootstrapTest, AllMeansEveryKnownTarget) {
  auto t = ParseTargets("all", kKnown);
  ASSERT_THAT(t, IsOk());
  EXPECT_EQ(t->size(), 2u);
}

TEST(BootstrapTest, CommaListSelectsTargets) {
  auto t = ParseTargets("intake, admin", kKnown);
  ASSERT_THAT(t, IsOk());
  EXPECT_TRUE(t->count("intake"));
  EXPECT_TRUE(t->count("admin"));
}

TEST(BootstrapTest, UnknownOrEmptyTargetsAreRejected) {
  EXPECT_THAT(ParseTargets("intake,billing", kKnown),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseTargets(",", kKnown),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(BootstrapTest, PlaintextOffLoopbackIsRefused) {
  EXPECT_THAT(MakeServerCredentials("0.0.0.0:50051", "", "", nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MakeServerCredentials("127.0.0.1:50051", "", "", nullptr),
              IsOk());
}

}  // namespace
}  // namespace foi::server
