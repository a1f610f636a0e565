#include "libs/store/mysql_deadline_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

// A case is open until it closes; closed_date is set on every closing
// transition, and the state list guards rows written before it was.
constexpr char kOpen[] =
    " c.closed_date IS NULL AND c.state NOT IN ('REPLIED', 'WITHDRAWN',"
    " 'DEEMED_WITHDRAWN', 'TRANSFERRED')";

}  // namespace

absl::StatusOr<DuePage> MysqlDeadlineRepository::ListDue(const DueQuery& q) {
  std::string sql = absl::StrCat("SELECT ", store_internal::kCaseColumns,
                                 store_internal::kCaseFrom, " WHERE", kOpen,
                                 " AND c.queue_due <= ?");
  if (!q.unit.empty()) sql += " AND c.unit = ?";
  if (!q.assignee.empty()) sql += " AND c.assignee = ?";
  if (q.after_due.has_value()) {
    sql += " AND (c.reply_due_date, c.id) > (?, ?)";
  }
  sql += " ORDER BY c.reply_due_date, c.id LIMIT ?";
  DuePage page;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    page = DuePage{};
    auto& ps = session.Prepare(sql);
    int i = 1;
    ps.setString(i++, ToSqlDate(q.due_on_or_before));
    if (!q.unit.empty()) ps.setString(i++, q.unit);
    if (!q.assignee.empty()) ps.setString(i++, q.assignee);
    if (q.after_due.has_value()) {
      ps.setString(i++, ToSqlDate(*q.after_due));
      ps.setString(i++, q.after_id);
    }
    ps.setInt(i++, q.page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      if (static_cast<int>(page.cases.size()) == q.page_size) {
        page.has_more = true;
        break;
      }
      FOI_ASSIGN_OR_RETURN(casefile::CaseRecord r,
                           store_internal::ReadCase(*rs));
      page.cases.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<ReportCounts>>
MysqlDeadlineRepository::CountForReport(const ReportQuery& q) {
  // One pass over the cases, grouped by (unit, officer, working days to
  // reply): the counts add up per (unit, officer) and the last column
  // gives the histogram the medians come from.
  std::string sql =
      "SELECT unit, assignee, reply_working_days,"
      " SUM(receipt_date <= ?1 AND (closed_date IS NULL OR closed_date > ?1)"
      "     AND state NOT IN ('WITHDRAWN', 'DEEMED_WITHDRAWN')),"
      " SUM(receipt_date <= ?1 AND (closed_date IS NULL OR closed_date > ?1)"
      "     AND state NOT IN ('WITHDRAWN', 'DEEMED_WITHDRAWN')"
      "     AND reply_due_date >= ?1 AND reply_due_date <= ?2),"
      " SUM(receipt_date <= ?1 AND (closed_date IS NULL OR closed_date > ?1)"
      "     AND state NOT IN ('WITHDRAWN', 'DEEMED_WITHDRAWN')"
      "     AND reply_due_date < ?1),"
      " SUM(state IN ('REPLIED', 'TRANSFERRED') AND closed_date <= ?1"
      "     AND closed_date <= reply_due_date),"
      " SUM(state IN ('REPLIED', 'TRANSFERRED') AND closed_date <= ?1"
      "     AND closed_date > reply_due_date),"
      " SUM(state = 'REPLIED' AND closed_date <= ?1)"
      " FROM cases";
  // Connector/C++ has no numbered placeholders: expand them in order.
  std::vector<int> order;
  std::string expanded;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '?' && i + 1 < sql.size() &&
        (sql[i + 1] == '1' || sql[i + 1] == '2')) {
      order.push_back(sql[i + 1] - '0');
      expanded += '?';
      ++i;
    } else {
      expanded += sql[i];
    }
  }
  if (!q.unit.empty()) expanded += " WHERE unit = ?";
  expanded +=
      " GROUP BY unit, assignee, reply_working_days"
      " ORDER BY unit, assignee";
  std::vector<ReportCounts> rows;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    rows.clear();
    auto& ps = session.Prepare(expanded);
    int i = 1;
    for (int which : order) {
      ps.setString(i++, ToSqlDate(which == 1 ? q.as_of : q.soon_until));
    }
    if (!q.unit.empty()) ps.setString(i++, q.unit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      const std::string unit = rs->getString(1);
      const std::string officer = rs->getString(2);
      if (rows.empty() || rows.back().unit != unit ||
          rows.back().officer != officer) {
        ReportCounts fresh;
        fresh.unit = unit;
        fresh.officer = officer;
        rows.push_back(std::move(fresh));
      }
      ReportCounts& r = rows.back();
      r.open += rs->getInt(4);
      r.due_soon += rs->getInt(5);
      r.overdue += rs->getInt(6);
      r.closed_on_time += rs->getInt(7);
      r.closed_late += rs->getInt(8);
      const int replied = rs->getInt(9);
      if (!rs->isNull(3) && replied > 0) r.reply_days[rs->getInt(3)] += replied;
    }
    return absl::OkStatus();
  }));
  return rows;
}

absl::StatusOr<std::vector<AlertCandidate>>
MysqlDeadlineRepository::ListAlertCandidates(absl::CivilDay until) {
  std::vector<AlertCandidate> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    out.clear();
    auto& ps = session.Prepare(absl::StrCat(
        "SELECT c.id, c.case_number, c.unit, c.assignee, c.reply_due_date,"
        " c.alert_level FROM cases c WHERE",
        kOpen,
        " AND c.reply_due_date <= ? AND c.alert_level < 2"
        " ORDER BY c.reply_due_date, c.id"));
    ps.setString(1, ToSqlDate(until));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      AlertCandidate c;
      c.case_id = rs->getString(1);
      c.case_number = rs->getString(2);
      c.unit = rs->getString(3);
      c.assignee = rs->getString(4);
      FOI_ASSIGN_OR_RETURN(c.reply_due_date, FromSqlDate(rs->getString(5)));
      c.alert_level = rs->getInt(6);
      out.push_back(std::move(c));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<bool> MysqlDeadlineRepository::RaiseAlert(
    const AlertCandidate& c, const std::string& kind, int level,
    absl::Time now) {
  bool stored = false;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& session) {
    auto& insert = session.Prepare(
        "INSERT IGNORE INTO deadline_alerts (case_id, kind, due_date, unit,"
        " assignee, raise_time) VALUES (?, ?, ?, ?, ?, ?)");
    insert.setString(1, c.case_id);
    insert.setString(2, kind);
    insert.setString(3, ToSqlDate(c.reply_due_date));
    insert.setString(4, c.unit);
    insert.setString(5, c.assignee);
    insert.setString(6, ToSqlDateTime(now));
    stored = insert.executeUpdate() > 0;
    auto& level_up = session.Prepare(
        "UPDATE cases SET alert_level = GREATEST(alert_level, ?) WHERE id = ?");
    level_up.setInt(1, level);
    level_up.setString(2, c.case_id);
    level_up.executeUpdate();
    return absl::OkStatus();
  }));
  return stored;
}

absl::StatusOr<std::vector<AlertRecord>>
MysqlDeadlineRepository::ListAlertsAfter(int64_t after_id,
                                         const std::string& unit, int limit) {
  std::vector<AlertRecord> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    out.clear();
    auto& ps = session.Prepare(absl::StrCat(
        "SELECT a.id, a.case_id, c.case_number, a.kind, a.due_date, a.unit,"
        " a.assignee, a.raise_time FROM deadline_alerts a"
        " JOIN cases c ON c.id = a.case_id WHERE a.id > ?",
        unit.empty() ? "" : " AND a.unit = ?", " ORDER BY a.id LIMIT ?"));
    int i = 1;
    ps.setInt64(i++, after_id);
    if (!unit.empty()) ps.setString(i++, unit);
    ps.setInt(i++, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      AlertRecord a;
      a.id = rs->getInt64(1);
      a.case_id = rs->getString(2);
      a.case_number = rs->getString(3);
      a.kind = rs->getString(4);
      FOI_ASSIGN_OR_RETURN(a.due_date, FromSqlDate(rs->getString(5)));
      a.unit = rs->getString(6);
      a.assignee = rs->getString(7);
      FOI_ASSIGN_OR_RETURN(a.raise_time, FromSqlDateTime(rs->getString(8)));
      out.push_back(std::move(a));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> MysqlDeadlineRepository::LatestAlertId() {
  int64_t id = 0;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    auto& ps =
        session.Prepare("SELECT COALESCE(MAX(id), 0) FROM deadline_alerts");
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    id = rs->next() ? rs->getInt64(1) : 0;
    return absl::OkStatus();
  }));
  return id;
}

absl::StatusOr<std::optional<StoredCalendar>>
MysqlDeadlineRepository::LatestCalendar() {
  std::optional<StoredCalendar> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    out.reset();
    auto& ps = session.Prepare(
        "SELECT version, csv FROM calendars ORDER BY id DESC LIMIT 1");
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (rs->next()) out = StoredCalendar{rs->getString(1), rs->getString(2)};
    return absl::OkStatus();
  }));
  return out;
}

absl::Status MysqlDeadlineRepository::SaveCalendar(const StoredCalendar& c,
                                                   const std::string& loaded_by,
                                                   absl::Time now) {
  return RunInTransaction(*pool_, [&](Session& session) {
    auto& ps = session.Prepare(
        "INSERT INTO calendars (version, csv, loaded_by, loaded_at)"
        " VALUES (?, ?, ?, ?)");
    ps.setString(1, c.version);
    ps.setString(2, c.csv);
    ps.setString(3, loaded_by);
    ps.setString(4, ToSqlDateTime(now));
    ps.executeUpdate();
    return absl::OkStatus();
  });
}

}  // namespace foi::store
