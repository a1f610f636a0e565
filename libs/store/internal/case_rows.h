// Row mapping of the cases table, shared by the MySQL repositories that
// read or write whole cases. Private to libs/store.
#ifndef FOI_LIBS_STORE_INTERNAL_CASE_ROWS_H_
#define FOI_LIBS_STORE_INTERNAL_CASE_ROWS_H_

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "libs/casefile/case_record.h"
#include "libs/common/status_macros.h"
#include "libs/store/sql_values.h"

namespace foi::store_internal {

using store::FromSqlDate;
using store::FromSqlDateTime;
using store::ToSqlDate;

inline constexpr char kCaseColumns[] =
    "c.id, c.case_number, c.state, c.channel, c.receipt_date, c.unit,"
    " c.assignee, c.information_description, c.document_reference,"
    " c.delivery_form, c.delivery_route, c.created_by, c.version,"
    " c.create_time, c.update_time, a.applicant_type, a.name,"
    " a.id_document_type, a.id_document_number, a.contact_person, a.phone,"
    " a.email, a.postal_address, a.postal_code,"
    " c.correction_received_date, c.extension_state, c.extension_days,"
    " c.reply_due_date, c.correction_notice_due_date, c.clock_provisional,"
    " c.suspended_working_days, c.closed_date, c.reply_working_days,"
    " c.correction_deadline, c.outcome, c.outcome_reason, c.outcome_grounds,"
    " c.disposition_summary";
// Columns of kCaseColumns; a query's own columns follow from here + 1.
inline constexpr int kCaseColumnCount = 38;
inline constexpr char kCaseFrom[] =
    " FROM cases c JOIN applicants a ON a.case_id = c.id";

template <typename E>
absl::StatusOr<E> ParseStored(const std::optional<E>& parsed,
                              absl::string_view column,
                              const std::string& value) {
  if (!parsed.has_value()) {
    return absl::InternalError(
        absl::StrCat("stored ", column, " '", value, "' is unknown"));
  }
  return *parsed;
}

inline absl::StatusOr<std::optional<absl::CivilDay>> ReadOptionalDate(
    sql::ResultSet& rs, int column) {
  if (rs.isNull(column)) return std::nullopt;
  FOI_ASSIGN_OR_RETURN(absl::CivilDay d, FromSqlDate(rs.getString(column)));
  return d;
}

inline void SetOptionalDate(sql::PreparedStatement& ps, int index,
                            const std::optional<absl::CivilDay>& d) {
  if (d.has_value()) {
    ps.setString(index, ToSqlDate(*d));
  } else {
    ps.setNull(index, sql::DataType::DATE);
  }
}

// Binds the clock columns, in the order of kClockAssignments, from `index`.
inline void SetClocks(sql::PreparedStatement& ps, int index,
                      const casefile::ClockState& k) {
  SetOptionalDate(ps, index, k.correction_received_date);
  ps.setString(index + 1, casefile::ExtensionStateName(k.extension_state));
  ps.setInt(index + 2, k.extension_days);
  SetOptionalDate(ps, index + 3, k.reply_due_date);
  SetOptionalDate(ps, index + 4, k.correction_notice_due_date);
  ps.setInt(index + 5, k.provisional ? 1 : 0);
  ps.setInt(index + 6, k.suspended_working_days);
  SetOptionalDate(ps, index + 7, k.closed_date);
  if (k.reply_working_days.has_value()) {
    ps.setInt(index + 8, *k.reply_working_days);
  } else {
    ps.setNull(index + 8, sql::DataType::INTEGER);
  }
  SetOptionalDate(ps, index + 9, k.correction_deadline);
}

inline constexpr char kClockAssignments[] =
    "correction_received_date = ?, extension_state = ?, extension_days = ?,"
    " reply_due_date = ?, correction_notice_due_date = ?,"
    " clock_provisional = ?, suspended_working_days = ?, closed_date = ?,"
    " reply_working_days = ?, correction_deadline = ?";

// Reads the disposition columns (outcome, reason, grounds, summary) from
// `index` on.
inline absl::StatusOr<casefile::Disposition> ReadDisposition(sql::ResultSet& rs,
                                                             int index) {
  casefile::Disposition d;
  if (rs.isNull(index)) return d;
  const std::string outcome = rs.getString(index);
  FOI_ASSIGN_OR_RETURN(
      d.outcome, ParseStored(rules::ParseOutcome(outcome), "outcome", outcome));
  if (!rs.isNull(index + 1)) {
    const std::string reason = rs.getString(index + 1);
    FOI_ASSIGN_OR_RETURN(d.reason, ParseStored(rules::ParseReason(reason),
                                               "outcome_reason", reason));
  }
  if (!rs.isNull(index + 2)) {
    for (absl::string_view code : absl::StrSplit(
             std::string(rs.getString(index + 2)), ',', absl::SkipEmpty())) {
      FOI_ASSIGN_OR_RETURN(rules::ExemptionGround g,
                           ParseStored(rules::ParseGround(code),
                                       "outcome_grounds", std::string(code)));
      d.grounds.push_back(g);
    }
  }
  if (!rs.isNull(index + 3)) d.summary = rs.getString(index + 3);
  return d;
}

// Reads the columns of kCaseColumns from the current row.
inline absl::StatusOr<casefile::CaseRecord> ReadCase(sql::ResultSet& rs) {
  casefile::CaseRecord r;
  r.id = rs.getString(1);
  r.case_number = rs.getString(2);
  const std::string state = rs.getString(3);
  FOI_ASSIGN_OR_RETURN(
      r.state, ParseStored(casefile::ParseCaseState(state), "state", state));
  const std::string channel = rs.getString(4);
  FOI_ASSIGN_OR_RETURN(r.channel, ParseStored(casefile::ParseChannel(channel),
                                              "channel", channel));
  FOI_ASSIGN_OR_RETURN(r.receipt_date, FromSqlDate(rs.getString(5)));
  r.unit = rs.getString(6);
  r.assignee = rs.getString(7);
  r.details.information_description = rs.getString(8);
  r.details.document_reference = rs.getString(9);
  const std::string form = rs.getString(10);
  FOI_ASSIGN_OR_RETURN(
      r.details.delivery_form,
      ParseStored(casefile::ParseDeliveryForm(form), "delivery_form", form));
  const std::string route = rs.getString(11);
  FOI_ASSIGN_OR_RETURN(r.details.delivery_route,
                       ParseStored(casefile::ParseDeliveryRoute(route),
                                   "delivery_route", route));
  r.created_by = rs.getString(12);
  r.version = rs.getInt64(13);
  FOI_ASSIGN_OR_RETURN(r.create_time, FromSqlDateTime(rs.getString(14)));
  FOI_ASSIGN_OR_RETURN(r.update_time, FromSqlDateTime(rs.getString(15)));
  const std::string type = rs.getString(16);
  FOI_ASSIGN_OR_RETURN(
      r.applicant.type,
      ParseStored(casefile::ParseApplicantType(type), "applicant_type", type));
  r.applicant.name = rs.getString(17);
  const std::string doc = rs.getString(18);
  FOI_ASSIGN_OR_RETURN(r.applicant.id_document_type,
                       ParseStored(casefile::ParseIdentityDocumentType(doc),
                                   "id_document_type", doc));
  r.applicant.id_document_number = rs.getString(19);
  r.applicant.contact_person = rs.getString(20);
  r.applicant.phone = rs.getString(21);
  r.applicant.email = rs.getString(22);
  r.applicant.postal_address = rs.getString(23);
  r.applicant.postal_code = rs.getString(24);
  casefile::ClockState& k = r.clocks;
  FOI_ASSIGN_OR_RETURN(k.correction_received_date, ReadOptionalDate(rs, 25));
  const std::string ext = rs.getString(26);
  FOI_ASSIGN_OR_RETURN(
      k.extension_state,
      ParseStored(casefile::ParseExtensionState(ext), "extension_state", ext));
  k.extension_days = rs.getInt(27);
  FOI_ASSIGN_OR_RETURN(k.reply_due_date, ReadOptionalDate(rs, 28));
  FOI_ASSIGN_OR_RETURN(k.correction_notice_due_date, ReadOptionalDate(rs, 29));
  k.provisional = rs.getInt(30) != 0;
  k.suspended_working_days = rs.getInt(31);
  FOI_ASSIGN_OR_RETURN(k.closed_date, ReadOptionalDate(rs, 32));
  if (!rs.isNull(33)) k.reply_working_days = rs.getInt(33);
  FOI_ASSIGN_OR_RETURN(k.correction_deadline, ReadOptionalDate(rs, 34));
  FOI_ASSIGN_OR_RETURN(r.disposition, ReadDisposition(rs, 35));
  return r;
}

}  // namespace foi::store_internal

#endif  // FOI_LIBS_STORE_INTERNAL_CASE_ROWS_H_
