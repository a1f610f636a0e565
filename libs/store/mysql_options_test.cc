#include "libs/store/mysql_options.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::store {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(ParseMysqlUrlTest, ParsesFullTcpUrl) {
  absl::StatusOr<MysqlOptions> o =
      ParseMysqlUrl("mysql://foi:s3cret@db.example:3307/foi_prod");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->user, "foi");
  EXPECT_EQ(o->password, "s3cret");
  EXPECT_EQ(o->host, "db.example");
  EXPECT_EQ(o->port, 3307);
  EXPECT_EQ(o->database, "foi_prod");
  EXPECT_EQ(o->unix_socket, "");
  EXPECT_EQ(o->pool_size, MysqlOptions().pool_size);
}

TEST(ParseMysqlUrlTest, KeepsDefaultsForOmittedParts) {
  absl::StatusOr<MysqlOptions> o = ParseMysqlUrl("mysql://root@localhost/foi");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->user, "root");
  EXPECT_EQ(o->password, "");
  EXPECT_EQ(o->host, "localhost");
  EXPECT_EQ(o->port, 3306);
}

TEST(ParseMysqlUrlTest, ParsesSocketAndPoolParameters) {
  absl::StatusOr<MysqlOptions> o = ParseMysqlUrl(
      "mysql://app@localhost/foi?socket=/run/mysqld/mysqld.sock&pool=8");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->unix_socket, "/run/mysqld/mysqld.sock");
  EXPECT_EQ(o->pool_size, 8);
}

TEST(ParseMysqlUrlTest, AllowsEmptyHostWhenSocketIsGiven) {
  absl::StatusOr<MysqlOptions> o =
      ParseMysqlUrl("mysql://app@/foi?socket=/tmp/db.sock");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->unix_socket, "/tmp/db.sock");
}

TEST(ParseMysqlUrlTest, PercentDecodesUserAndPassword) {
  absl::StatusOr<MysqlOptions> o =
      ParseMysqlUrl("mysql://a%40b:p%3Aw%2Fd%25@h/foi");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->user, "a@b");
  EXPECT_EQ(o->password, "p:w/d%");
}

TEST(ParseMysqlUrlTest, AcceptsUnescapedAtSignInPassword) {
  absl::StatusOr<MysqlOptions> o = ParseMysqlUrl("mysql://u:p@ss@h/foi");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->password, "p@ss");
  EXPECT_EQ(o->host, "h");
}

TEST(ParseMysqlUrlTest, ParsesBracketedIpv6Host) {
  absl::StatusOr<MysqlOptions> o = ParseMysqlUrl("mysql://u@[::1]:3310/foi");
  ASSERT_THAT(o, IsOk());
  EXPECT_EQ(o->host, "::1");
  EXPECT_EQ(o->port, 3310);
}

struct BadUrlCase {
  const char* url;
  const char* part;  // What the message must name.
};

class ParseMysqlUrlBadTest : public ::testing::TestWithParam<BadUrlCase> {};

TEST_P(ParseMysqlUrlBadTest, ReturnsInvalidArgumentNamingThePart) {
  EXPECT_THAT(
      ParseMysqlUrl(GetParam().url),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().part)));
}

INSTANTIATE_TEST_SUITE_P(
    BadUrls, ParseMysqlUrlBadTest,
    ::testing::Values(BadUrlCase{"postgres://u@h/foi", "scheme"},
                      BadUrlCase{"", "scheme"},
                      BadUrlCase{"mysql://h/foi", "user"},
                      BadUrlCase{"mysql://@h/foi", "user"},
                      BadUrlCase{"mysql://u:%zz@h/foi", "password"},
                      BadUrlCase{"mysql://u:%4@h/foi", "password"},
                      BadUrlCase{"mysql://u@/foi", "host"},
                      BadUrlCase{"mysql://u@:3306/foi", "host"},
                      BadUrlCase{"mysql://u@h:/foi", "port"},
                      BadUrlCase{"mysql://u@h:0/foi", "port"},
                      BadUrlCase{"mysql://u@h:65536/foi", "port"},
                      BadUrlCase{"mysql://u@h:+80/foi", "port"},
                      BadUrlCase{"mysql://u@h:x/foi", "port"},
                      BadUrlCase{"mysql://u@[::1/foi", "host"},
                      BadUrlCase{"mysql://u@h", "database"},
                      BadUrlCase{"mysql://u@h/", "database"},
                      BadUrlCase{"mysql://u@h/foi;drop", "database"},
                      BadUrlCase{"mysql://u@h/foi?pool=0", "pool"},
                      BadUrlCase{"mysql://u@h/foi?pool=many", "pool"},
                      BadUrlCase{"mysql://u@h/foi?socket=", "socket"},
                      BadUrlCase{"mysql://u@h/foi?tls=on", "tls"},
                      BadUrlCase{"mysql://u@h/foi?pool", "pool"}));

}  // namespace
}  // namespace foi::store
