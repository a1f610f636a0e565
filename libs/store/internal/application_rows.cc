#include "libs/store/internal/application_rows.h"

#include <string>
#include <utility>

#include "libs/common/status_macros.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/sql_values.h"

namespace foi::store_internal {

absl::StatusOr<std::vector<store::ApplicationRow>> ReadApplications(
    sql::ResultSet& rs) {
  std::vector<store::ApplicationRow> out;
  while (rs.next()) {
    store::ApplicationRow r;
    r.case_id = rs.getString(1);
    FOI_ASSIGN_OR_RETURN(r.receipt_date, store::FromSqlDate(rs.getString(2)));
    r.description = rs.getString(3);
    r.applicant_key = rs.getString(4);
    const std::string state = rs.getString(5);
    FOI_ASSIGN_OR_RETURN(
        r.state, ParseStored(casefile::ParseCaseState(state), "state", state));
    r.outcome = rs.getString(6);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace foi::store_internal
