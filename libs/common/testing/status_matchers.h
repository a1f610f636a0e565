// GoogleTest matchers for absl::Status and absl::StatusOr, named as Abseil's
// later absl/status/status_matchers.h so they can be swapped for it.
#ifndef FOI_LIBS_COMMON_TESTING_STATUS_MATCHERS_H_
#define FOI_LIBS_COMMON_TESTING_STATUS_MATCHERS_H_

#include <ostream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"

namespace foi::testing {
namespace internal {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

}  // namespace internal

// Matches an OK absl::Status or an absl::StatusOr holding a value.
MATCHER(IsOk, "is OK") {
  const absl::Status& s = internal::GetStatus(arg);
  if (!s.ok()) *result_listener << "status is " << s;
  return s.ok();
}

// Matches a status (or StatusOr) whose code equals `code`.
MATCHER_P(StatusIs, code,
          "has status code " + absl::StatusCodeToString(code)) {
  const absl::Status& s = internal::GetStatus(arg);
  *result_listener << "status is " << s;
  return s.code() == code;
}

// Matches a status whose code equals `code` and whose message matches
// `message_matcher`.
MATCHER_P2(StatusIs, code, message_matcher,
           "has status code " + absl::StatusCodeToString(code)) {
  const absl::Status& s = internal::GetStatus(arg);
  *result_listener << "status is " << s;
  return s.code() == code &&
         ::testing::ExplainMatchResult(message_matcher,
                                       std::string(s.message()),
                                       result_listener);
}

// Matches an absl::StatusOr<T> that holds a value matching `m`.
MATCHER_P(IsOkAndHolds, m, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(m, *arg, result_listener);
}

}  // namespace foi::testing

#endif  // FOI_LIBS_COMMON_TESTING_STATUS_MATCHERS_H_
