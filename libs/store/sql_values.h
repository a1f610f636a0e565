// Conversions between domain values and the text forms MariaDB takes and
// gives for DATE and DATETIME(6) columns. DATETIME values are UTC.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_STORE_SQL_VALUES_H_
#define FOI_LIBS_STORE_SQL_VALUES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace foi::store {

// "2026-11-27 07:36:09.123456" (UTC, microseconds).
std::string ToSqlDateTime(absl::Time t);
absl::StatusOr<absl::Time> FromSqlDateTime(const std::string& s);

// "2026-11-27".
std::string ToSqlDate(absl::CivilDay d);
absl::StatusOr<absl::CivilDay> FromSqlDate(const std::string& s);

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_SQL_VALUES_H_
