#include "libs/store/sql_errors.h"

#include <cppconn/exception.h>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::store {
namespace {

using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

struct ErrorCase {
  int number;
  const char* sql_state;
  absl::StatusCode code;
  bool connection_error;
  bool retryable;
};

class SqlErrorsTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SqlErrorsTest, ClassifiesServerAndClientErrors) {
  const ErrorCase& c = GetParam();
  const sql::SQLException e("boom", c.sql_state, c.number);
  EXPECT_THAT(SqlErrorToStatus(e, "ctx"), StatusIs(c.code));
  EXPECT_EQ(IsConnectionError(e), c.connection_error);
  EXPECT_EQ(IsRetryable(e), c.retryable);
}

constexpr auto kUnavailable = absl::StatusCode::kUnavailable;

INSTANTIATE_TEST_SUITE_P(
    Errors, SqlErrorsTest,
    ::testing::Values(
        // Cannot connect (socket, TCP), gone away, lost, lost at handshake.
        ErrorCase{2002, "HY000", kUnavailable, true, true},
        ErrorCase{2003, "HY000", kUnavailable, true, true},
        ErrorCase{2006, "HY000", kUnavailable, true, true},
        ErrorCase{2013, "HY000", kUnavailable, true, true},
        ErrorCase{2055, "HY000", kUnavailable, true, true},
        // Killed connection, server shutdown, too many connections.
        ErrorCase{1927, "70100", kUnavailable, true, true},
        ErrorCase{1053, "08S01", kUnavailable, true, true},
        ErrorCase{1040, "HY000", kUnavailable, true, true},
        // Any SQLSTATE class 08 is a connection exception.
        ErrorCase{9999, "08004", kUnavailable, true, true},
        // Out of sync: connection unusable, but a bug rather than an outage.
        ErrorCase{2014, "HY000", absl::StatusCode::kInternal, true, false},
        ErrorCase{1213, "40001", absl::StatusCode::kAborted, false, true},
        ErrorCase{1205, "HY000", absl::StatusCode::kAborted, false, true},
        ErrorCase{1062, "23000", absl::StatusCode::kAlreadyExists, false,
                  false},
        ErrorCase{1064, "42000", absl::StatusCode::kInternal, false, false},
        ErrorCase{1146, "42S02", absl::StatusCode::kInternal, false, false}));

TEST(SqlErrorToStatusTest, PrefixesContextAndKeepsServerMessage) {
  const sql::SQLException e("Duplicate entry 'x'", "23000", 1062);
  EXPECT_THAT(SqlErrorToStatus(e, "inserting case"),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       ::testing::AllOf(HasSubstr("inserting case: "),
                                        HasSubstr("Duplicate entry 'x'"),
                                        HasSubstr("1062"))));
}

TEST(SqlErrorToStatusTest, TreatsClosedConnectionObjectAsConnectionError) {
  const sql::InvalidInstanceException e("Connection has been closed");
  EXPECT_TRUE(IsConnectionError(e));
  EXPECT_THAT(SqlErrorToStatus(e, "query"), StatusIs(kUnavailable));
}

}  // namespace
}  // namespace foi::store
