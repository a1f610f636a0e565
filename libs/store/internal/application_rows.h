// Applications as the analytics readers select them (the foi-analytics job,
// the annual report's topics, the hint pass): one place for the columns and
// how a row is read.
#ifndef FOI_LIBS_STORE_INTERNAL_APPLICATION_ROWS_H_
#define FOI_LIBS_STORE_INTERNAL_APPLICATION_ROWS_H_

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/resultset.h>

#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/analytics_repository.h"

namespace foi::store_internal {

// Selected from `cases c JOIN applicants a`, as ReadApplications reads them.
inline constexpr char kApplicationColumns[] =
    "c.id, c.receipt_date, c.information_description, a.id_document_number,"
    " c.state, COALESCE(c.outcome, '')";

// The rows of `rs`, selected as kApplicationColumns; INTERNAL for a stored
// value that does not parse.
absl::StatusOr<std::vector<store::ApplicationRow>> ReadApplications(
    sql::ResultSet& rs);

}  // namespace foi::store_internal

#endif  // FOI_LIBS_STORE_INTERNAL_APPLICATION_ROWS_H_
