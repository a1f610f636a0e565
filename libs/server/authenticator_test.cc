#include "libs/server/authenticator.h"

#include "gtest/gtest.h"
#include "libs/common/sha256.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/testing/in_memory_token_repository.h"

namespace foi::server {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : cache_(&tokens_), auth_(&cache_, AccessPolicy::Default()) {
    store::TokenRecord t;
    t.id = "t1";
    t.token_hash = Sha256Hex("s3cret");
    t.display_name = "counter 3";
    t.role = casefile::Role::kFrontDesk;
    t.unit = "ogi-office";
    EXPECT_THAT(tokens_.Create(t), IsOk());
    EXPECT_THAT(cache_.Refresh(), IsOk());
  }

  foi::testing::InMemoryTokenRepository tokens_;
  TokenCache cache_;
  Authenticator auth_;
};

TEST_F(AuthenticatorTest, KnownTokenYieldsItsPrincipal) {
  auto p = auth_.Authenticate("/foi.v1.IntakeService/SubmitApplication",
                              "Bearer s3cret");
  ASSERT_THAT(p, IsOk());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->token_id, "t1");
  EXPECT_EQ((*p)->Actor(), "tokens/t1");
  EXPECT_EQ((*p)->role, casefile::Role::kFrontDesk);
}

TEST_F(AuthenticatorTest, MissingMalformedOrUnknownTokensAreUnauthenticated) {
  for (const char* header :
       {"", "s3cret", "Bearer ", "Bearer nope", "Basic czNjcmV0"}) {
    EXPECT_THAT(auth_.Authenticate("/foi.v1.IntakeService/GetCase", header),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << header;
  }
}

TEST_F(AuthenticatorTest, RevokedTokenStopsWorkingAfterRefresh) {
  ASSERT_THAT(tokens_.Revoke("t1", absl::Now()), IsOk());
  ASSERT_THAT(cache_.Refresh(), IsOk());
  EXPECT_THAT(
      auth_.Authenticate("/foi.v1.IntakeService/GetCase", "Bearer s3cret"),
      StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthenticatorTest, WrongRoleIsPermissionDenied) {
  EXPECT_THAT(
      auth_.Authenticate("/foi.v1.AdminService/CreateToken", "Bearer s3cret"),
      StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(AuthenticatorTest, HealthChecksNeedNoToken) {
  auto p = auth_.Authenticate("/grpc.health.v1.Health/Check", "");
  ASSERT_THAT(p, IsOk());
  EXPECT_FALSE(p->has_value());
}

}  // namespace
}  // namespace foi::server
