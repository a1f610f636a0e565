#include "libs/store/sql_values.h"

#include "absl/strings/str_cat.h"

namespace foi::store {

std::string ToSqlDateTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
}

absl::StatusOr<absl::Time> FromSqlDateTime(const std::string& s) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime("%Y-%m-%d %H:%M:%E*S", s, absl::UTCTimeZone(), &t,
                       &err)) {
    return absl::InternalError(
        absl::StrCat("stored DATETIME '", s, "' unreadable: ", err));
  }
  return t;
}

std::string ToSqlDate(absl::CivilDay d) { return absl::FormatCivilTime(d); }

absl::StatusOr<absl::CivilDay> FromSqlDate(const std::string& s) {
  absl::CivilDay d;
  if (!absl::ParseCivilTime(s, &d)) {
    return absl::InternalError(
        absl::StrCat("stored DATE '", s, "' unreadable"));
  }
  return d;
}

}  // namespace foi::store
