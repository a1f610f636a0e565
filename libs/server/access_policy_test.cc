#include "libs/server/access_policy.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::server {
namespace {

using casefile::Role;
using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

TEST(AccessPolicyTest, FrontDeskSubmitsButCannotManageTokens) {
  const AccessPolicy p = AccessPolicy::Default();
  EXPECT_THAT(
      p.Check("/foi.v1.IntakeService/SubmitApplication", Role::kFrontDesk),
      IsOk());
  EXPECT_THAT(p.Check("/foi.v1.AdminService/CreateToken", Role::kFrontDesk),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(p.Check("/foi.v1.AdminService/CreateToken", Role::kAdmin),
              IsOk());
}

TEST(AccessPolicyTest, ReviewersReadButDoNotSubmit) {
  const AccessPolicy p = AccessPolicy::Default();
  EXPECT_THAT(p.Check("/foi.v1.IntakeService/GetCase", Role::kReviewer),
              IsOk());
  EXPECT_THAT(
      p.Check("/foi.v1.IntakeService/SubmitApplication", Role::kReviewer),
      StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(AccessPolicyTest, UnknownMethodsAreDeniedAndHealthIsAnonymous) {
  const AccessPolicy p = AccessPolicy::Default();
  EXPECT_THAT(p.Check("/foi.v1.IntakeService/DropDatabase", Role::kAdmin),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_TRUE(p.IsAnonymous("/grpc.health.v1.Health/Check"));
  EXPECT_FALSE(p.IsAnonymous("/foi.v1.IntakeService/GetCase"));
}

}  // namespace
}  // namespace foi::server
