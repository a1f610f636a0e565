#include "libs/store/mysql_analytics_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/application_rows.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using store_internal::kApplicationColumns;
using store_internal::ParseStored;
using store_internal::ReadApplications;
using store_internal::ReadOptionalDate;

constexpr char kCandidateColumns[] =
    "id, cluster_key, state, representative, case_ids, applicant_count,"
    " outcomes, first_receipt_date, last_receipt_date, score, decided_by,"
    " reason, disclosure_id";

std::optional<CandidateState> ParseCandidateState(const std::string& s) {
  if (s == "PROPOSED") return CandidateState::kProposed;
  if (s == "ACCEPTED") return CandidateState::kAccepted;
  if (s == "REJECTED") return CandidateState::kRejected;
  return std::nullopt;
}

// "CODE=n,CODE=n" <-> map.
std::string OutcomesText(const std::map<std::string, int>& outcomes) {
  std::vector<std::string> parts;
  for (const auto& [code, n] : outcomes) {
    parts.push_back(absl::StrCat(code, "=", n));
  }
  return absl::StrJoin(parts, ",");
}

std::map<std::string, int> ParseOutcomes(const std::string& text) {
  std::map<std::string, int> out;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(part, '=');
    int n = 0;
    if (absl::SimpleAtoi(kv.second, &n)) out[kv.first] = n;
  }
  return out;
}

absl::StatusOr<CandidateRow> ReadCandidate(sql::ResultSet& rs) {
  CandidateRow c;
  c.id = rs.getString(1);
  c.cluster_key = rs.getString(2);
  const std::string state = rs.getString(3);
  FOI_ASSIGN_OR_RETURN(c.state,
                       ParseStored(ParseCandidateState(state), "state", state));
  c.representative = rs.getString(4);
  c.case_ids =
      absl::StrSplit(std::string(rs.getString(5)), ',', absl::SkipEmpty());
  c.applicant_count = rs.getInt(6);
  c.outcomes = ParseOutcomes(rs.getString(7));
  FOI_ASSIGN_OR_RETURN(c.first_receipt_date, FromSqlDate(rs.getString(8)));
  FOI_ASSIGN_OR_RETURN(c.last_receipt_date, FromSqlDate(rs.getString(9)));
  c.score = rs.getDouble(10);
  c.decided_by = rs.getString(11);
  c.reason = rs.getString(12);
  c.disclosure_id = rs.getString(13);
  return c;
}

}  // namespace

const char* CandidateStateName(CandidateState s) {
  switch (s) {
    case CandidateState::kProposed:
      return "PROPOSED";
    case CandidateState::kAccepted:
      return "ACCEPTED";
    case CandidateState::kRejected:
      return "REJECTED";
  }
  return "PROPOSED";
}

absl::StatusOr<std::vector<ReportRow>> MysqlAnalyticsRepository::ListReportRows(
    int year) {
  std::vector<ReportRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(
        "SELECT a.applicant_type, c.receipt_date, c.closed_date, c.state,"
        " c.outcome, c.outcome_reason, c.outcome_grounds,"
        " c.disposition_summary FROM cases c JOIN applicants a ON"
        " a.case_id = c.id WHERE c.receipt_date <= ? AND (c.closed_date IS"
        " NULL OR c.closed_date >= ?)");
    ps.setString(1, ToSqlDate(absl::CivilDay(year, 12, 31)));
    ps.setString(2, ToSqlDate(absl::CivilDay(year, 1, 1)));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      ReportRow r;
      const std::string type = rs->getString(1);
      FOI_ASSIGN_OR_RETURN(r.applicant_type,
                           ParseStored(casefile::ParseApplicantType(type),
                                       "applicant_type", type));
      FOI_ASSIGN_OR_RETURN(r.receipt_date, FromSqlDate(rs->getString(2)));
      FOI_ASSIGN_OR_RETURN(r.closed_date, ReadOptionalDate(*rs, 3));
      const std::string state = rs->getString(4);
      FOI_ASSIGN_OR_RETURN(r.state, ParseStored(casefile::ParseCaseState(state),
                                                "state", state));
      FOI_ASSIGN_OR_RETURN(r.disposition,
                           store_internal::ReadDisposition(*rs, 5));
      out.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::Status MysqlAnalyticsRepository::InsertAppeal(const AppealRow& a) {
  return RunInTransaction(*pool_, [&](Session& s) -> absl::Status {
    auto& exists = s.Prepare("SELECT 1 FROM cases WHERE id = ?");
    exists.setString(1, a.case_id);
    std::unique_ptr<sql::ResultSet> rs(exists.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(
          absl::StrCat("appeal.case: cases/", a.case_id, " not found"));
    }
    auto& ps = s.Prepare(
        "INSERT INTO appeals (id, case_id, kind, result, filed_date,"
        " decided_date, created_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?,"
        " ?)");
    ps.setString(1, a.id);
    ps.setString(2, a.case_id);
    ps.setString(3, a.kind);
    ps.setString(4, a.result);
    ps.setString(5, ToSqlDate(a.filed_date));
    if (a.decided_date.has_value()) {
      ps.setString(6, ToSqlDate(*a.decided_date));
    } else {
      ps.setNull(6, sql::DataType::DATE);
    }
    ps.setString(7, a.created_by);
    ps.setString(8, ToSqlDateTime(a.create_time));
    ps.executeUpdate();
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<AppealRow>> MysqlAnalyticsRepository::ListAppeals(
    int year) {
  std::vector<AppealRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(
        "SELECT id, case_id, kind, result, filed_date, decided_date FROM"
        " appeals WHERE filed_date BETWEEN ? AND ? ORDER BY filed_date, id");
    ps.setString(1, ToSqlDate(absl::CivilDay(year, 1, 1)));
    ps.setString(2, ToSqlDate(absl::CivilDay(year, 12, 31)));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      AppealRow a;
      a.id = rs->getString(1);
      a.case_id = rs->getString(2);
      a.kind = rs->getString(3);
      a.result = rs->getString(4);
      FOI_ASSIGN_OR_RETURN(a.filed_date, FromSqlDate(rs->getString(5)));
      FOI_ASSIGN_OR_RETURN(a.decided_date, ReadOptionalDate(*rs, 6));
      out.push_back(std::move(a));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<ApplicationRow>>
MysqlAnalyticsRepository::ListApplications(const std::string& after_id,
                                           int limit) {
  std::vector<ApplicationRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(absl::StrCat(
        "SELECT ", kApplicationColumns,
        " FROM cases c JOIN applicants a ON a.case_id = c.id WHERE c.id > ?"
        " ORDER BY c.id LIMIT ?"));
    ps.setString(1, after_id);
    ps.setInt(2, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    FOI_ASSIGN_OR_RETURN(out, ReadApplications(*rs));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<ApplicationRow>>
MysqlAnalyticsRepository::ListApplicationsReceived(
    int year, std::optional<std::pair<absl::CivilDay, std::string>> after,
    int limit) {
  // The first page starts before every id of Jan 1.
  const absl::CivilDay first(year, 1, 1);
  const std::string after_date = ToSqlDate(after ? after->first : first);
  std::vector<ApplicationRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    // Ordered and bounded like k_cases_receipt_date (receipt_date, id): a
    // range read of `limit` index entries per page, however many cases
    // other years hold.
    auto& ps = s.Prepare(absl::StrCat(
        "SELECT ", kApplicationColumns,
        " FROM cases c JOIN applicants a ON a.case_id = c.id WHERE"
        " c.receipt_date BETWEEN ? AND ? AND (c.receipt_date > ? OR"
        " (c.receipt_date = ? AND c.id > ?)) ORDER BY c.receipt_date, c.id"
        " LIMIT ?"));
    ps.setString(1, ToSqlDate(first));
    ps.setString(2, ToSqlDate(absl::CivilDay(year, 12, 31)));
    ps.setString(3, after_date);
    ps.setString(4, after_date);
    ps.setString(5, after ? after->second : "");
    ps.setInt(6, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    FOI_ASSIGN_OR_RETURN(out, ReadApplications(*rs));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int> MysqlAnalyticsRepository::UpsertCandidates(
    const std::vector<CandidateRow>& candidates, absl::Time now) {
  int inserted = 0;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    inserted = 0;
    // A decided candidate keeps what the manager saw and decided.
    auto& ps = s.Prepare(
        "INSERT INTO disclosure_candidates (id, cluster_key, state,"
        " representative, case_ids, applicant_count, outcomes,"
        " first_receipt_date, last_receipt_date, score, update_time) VALUES"
        " (?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
        " representative = IF(state = 'PROPOSED', VALUES(representative),"
        " representative), case_ids = IF(state = 'PROPOSED',"
        " VALUES(case_ids), case_ids), applicant_count = IF(state ="
        " 'PROPOSED', VALUES(applicant_count), applicant_count), outcomes ="
        " IF(state = 'PROPOSED', VALUES(outcomes), outcomes),"
        " last_receipt_date = IF(state = 'PROPOSED', VALUES(last_receipt_date),"
        " last_receipt_date), score = IF(state = 'PROPOSED', VALUES(score),"
        " score), update_time = VALUES(update_time)");
    for (const CandidateRow& c : candidates) {
      ps.setString(1, c.id);
      ps.setString(2, c.cluster_key);
      ps.setString(3, c.representative);
      ps.setString(4, absl::StrJoin(c.case_ids, ","));
      ps.setInt(5, c.applicant_count);
      ps.setString(6, OutcomesText(c.outcomes));
      ps.setString(7, ToSqlDate(c.first_receipt_date));
      ps.setString(8, ToSqlDate(c.last_receipt_date));
      ps.setDouble(9, c.score);
      ps.setString(10, ToSqlDateTime(now));
      // MariaDB reports 1 for an insert, 2 for an update, 0 for no change.
      if (ps.executeUpdate() == 1) ++inserted;
    }
    return absl::OkStatus();
  }));
  return inserted;
}

absl::StatusOr<std::vector<CandidateRow>>
MysqlAnalyticsRepository::ListCandidates(
    CandidateState state, std::optional<std::pair<double, std::string>> after,
    int limit) {
  std::vector<CandidateRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(absl::StrCat(
        "SELECT ", kCandidateColumns,
        " FROM disclosure_candidates WHERE state = ? AND (? OR score < ? OR"
        " (score = ? AND id > ?)) ORDER BY score DESC, id LIMIT ?"));
    ps.setString(1, CandidateStateName(state));
    ps.setBoolean(2, !after.has_value());
    ps.setDouble(3, after ? after->first : 0);
    ps.setDouble(4, after ? after->first : 0);
    ps.setString(5, after ? after->second : "");
    ps.setInt(6, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      FOI_ASSIGN_OR_RETURN(CandidateRow c, ReadCandidate(*rs));
      out.push_back(std::move(c));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<CandidateRow> MysqlAnalyticsRepository::DecideCandidate(
    const std::string& id, CandidateState decision, const std::string& reason,
    const std::string& actor, const std::optional<DisclosureRow>& disclosure,
    absl::Time now) {
  CandidateRow out;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    auto& lock = s.Prepare(absl::StrCat("SELECT ", kCandidateColumns,
                                        " FROM disclosure_candidates WHERE"
                                        " id = ? FOR UPDATE"));
    lock.setString(1, id);
    std::unique_ptr<sql::ResultSet> rs(lock.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(
          absl::StrCat("disclosureCandidates/", id, " not found"));
    }
    FOI_ASSIGN_OR_RETURN(out, ReadCandidate(*rs));
    if (out.state != CandidateState::kProposed) {
      return absl::FailedPreconditionError(
          absl::StrCat("disclosureCandidates/", id, " was ",
                       CandidateStateName(out.state), " already"));
    }
    if (disclosure.has_value()) {
      auto& ins = s.Prepare(
          "INSERT INTO proactive_disclosures (id, title, location,"
          " candidate_id, created_by, create_time) VALUES (?, ?, ?, ?, ?, ?)");
      ins.setString(1, disclosure->id);
      ins.setString(2, disclosure->title);
      ins.setString(3, disclosure->location);
      ins.setString(4, id);
      ins.setString(5, actor);
      ins.setString(6, ToSqlDateTime(now));
      ins.executeUpdate();
      out.disclosure_id = disclosure->id;
    }
    auto& upd = s.Prepare(
        "UPDATE disclosure_candidates SET state = ?, decided_by = ?, reason ="
        " ?, disclosure_id = ?, update_time = ? WHERE id = ?");
    upd.setString(1, CandidateStateName(decision));
    upd.setString(2, actor);
    upd.setString(3, reason);
    upd.setString(4, out.disclosure_id);
    upd.setString(5, ToSqlDateTime(now));
    upd.setString(6, id);
    upd.executeUpdate();
    out.state = decision;
    out.decided_by = actor;
    out.reason = reason;
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<DisclosureRow>>
MysqlAnalyticsRepository::ListDisclosures(
    std::optional<std::pair<absl::Time, std::string>> after, int limit) {
  std::vector<DisclosureRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(
        "SELECT id, title, location, candidate_id, created_by, create_time"
        " FROM proactive_disclosures WHERE (? OR create_time < ? OR"
        " (create_time = ? AND id > ?)) ORDER BY create_time DESC, id"
        " LIMIT ?");
    const std::string t = after ? ToSqlDateTime(after->first) : "1970-01-01";
    ps.setBoolean(1, !after.has_value());
    ps.setString(2, t);
    ps.setString(3, t);
    ps.setString(4, after ? after->second : "");
    ps.setInt(5, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      DisclosureRow d;
      d.id = rs->getString(1);
      d.title = rs->getString(2);
      d.location = rs->getString(3);
      d.candidate_id = rs->getString(4);
      d.created_by = rs->getString(5);
      FOI_ASSIGN_OR_RETURN(d.create_time, FromSqlDateTime(rs->getString(6)));
      out.push_back(std::move(d));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::Status MysqlAnalyticsRepository::RecordRun(absl::Time started,
                                                 absl::Time finished,
                                                 const std::string& watermark,
                                                 int applications, int clusters,
                                                 int candidates) {
  return RunOnConnection(*pool_, [&](Session& s) {
    auto& ps = s.Prepare(
        "INSERT INTO analytics_runs (started, finished, watermark,"
        " applications, clusters, candidates) VALUES (?, ?, ?, ?, ?, ?)");
    ps.setString(1, ToSqlDateTime(started));
    ps.setString(2, ToSqlDateTime(finished));
    ps.setString(3, watermark);
    ps.setInt(4, applications);
    ps.setInt(5, clusters);
    ps.setInt(6, candidates);
    ps.executeUpdate();
    return absl::OkStatus();
  });
}

}  // namespace foi::store
