#include "libs/store/mysql_case_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "libs/casefile/case_number.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/internal/review_rows.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using casefile::CaseEventRecord;
using casefile::CaseRecord;
using store_internal::kCaseColumns;
using store_internal::kCaseFrom;
using store_internal::kClockAssignments;
using store_internal::ParseStored;
using store_internal::ReadCase;
using store_internal::ReadOptionalDate;
using store_internal::SetClocks;

// Case numbers reserved per trip to the sequence table.
constexpr int kCaseNumberBlock = 20;

// Writes what a transition changes besides state, version and the event.
absl::Status WriteChanges(Session& s, const std::string& case_id,
                          const casefile::CaseChanges& ch) {
  if (ch.assignee.has_value()) {
    auto& ps = s.Prepare("UPDATE cases SET assignee = ? WHERE id = ?");
    ps.setString(1, *ch.assignee);
    ps.setString(2, case_id);
    ps.executeUpdate();
  }
  if (ch.unit.has_value()) {
    auto& ps = s.Prepare("UPDATE cases SET unit = ? WHERE id = ?");
    ps.setString(1, *ch.unit);
    ps.setString(2, case_id);
    ps.executeUpdate();
  }
  if (ch.clocks.has_value()) {
    // A moved due date may need new alerts: the sweeper re-raises them.
    auto& ps = s.Prepare(absl::StrCat("UPDATE cases SET ", kClockAssignments,
                                      ", alert_level = 0 WHERE id = ?"));
    SetClocks(ps, 1, *ch.clocks);
    ps.setString(11, case_id);
    ps.executeUpdate();
  } else if (ch.closed_on.has_value()) {
    auto& ps = s.Prepare("UPDATE cases SET closed_date = ? WHERE id = ?");
    ps.setString(1, ToSqlDate(*ch.closed_on));
    ps.setString(2, case_id);
    ps.executeUpdate();
  }
  if (ch.add_consultation.has_value()) {
    const casefile::Consultation& k = *ch.add_consultation;
    auto& ps = s.Prepare(
        "INSERT INTO case_consultations (case_id, seq, kind, party, reason,"
        " start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, NULL)");
    ps.setString(1, case_id);
    ps.setInt(2, k.sequence);
    ps.setString(3, k.kind);
    ps.setString(4, k.party);
    ps.setString(5, k.reason);
    ps.setString(6, ToSqlDate(k.start_date));
    ps.executeUpdate();
  }
  if (ch.end_consultation.has_value()) {
    auto& ps = s.Prepare(
        "UPDATE case_consultations SET end_date = ? WHERE case_id = ? AND"
        " seq = ?");
    ps.setString(1, ToSqlDate(ch.end_consultation->second));
    ps.setString(2, case_id);
    ps.setInt(3, ch.end_consultation->first);
    ps.executeUpdate();
  }
  return absl::OkStatus();
}

absl::StatusOr<CaseRecord> LoadCase(Session& s, const std::string& case_id) {
  auto& ps = s.Prepare(
      absl::StrCat("SELECT ", kCaseColumns, kCaseFrom, " WHERE c.id = ?"));
  ps.setString(1, case_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("cases/", case_id, " not found"));
  }
  FOI_ASSIGN_OR_RETURN(CaseRecord r, ReadCase(*rs));
  auto& cs = s.Prepare(
      "SELECT seq, kind, party, reason, start_date, end_date"
      " FROM case_consultations WHERE case_id = ? ORDER BY seq");
  cs.setString(1, case_id);
  std::unique_ptr<sql::ResultSet> crs(cs.executeQuery());
  while (crs->next()) {
    casefile::Consultation k;
    k.sequence = crs->getInt(1);
    k.kind = crs->getString(2);
    k.party = crs->getString(3);
    k.reason = crs->getString(4);
    FOI_ASSIGN_OR_RETURN(k.start_date, FromSqlDate(crs->getString(5)));
    FOI_ASSIGN_OR_RETURN(k.end_date, ReadOptionalDate(*crs, 6));
    r.consultations.push_back(std::move(k));
  }
  return r;
}

void InsertEvent(Session& s, const CaseEventRecord& e) {
  auto& ps = s.Prepare(
      "INSERT INTO case_events (case_id, seq, type, actor, event_time,"
      " payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  ps.setString(1, e.case_id);
  ps.setInt(2, e.sequence);
  ps.setString(3, e.type);
  ps.setString(4, e.actor);
  ps.setString(5, ToSqlDateTime(e.time));
  ps.setString(6, e.payload_json);
  ps.setString(7, e.previous_hash);
  ps.setString(8, e.hash);
  ps.executeUpdate();
}

}  // namespace

absl::StatusOr<std::unique_ptr<MysqlCaseRepository>>
MysqlCaseRepository::Create(ConnectionPool* pool, ConnectionPool* numbers_pool,
                            std::string agency_prefix) {
  FOI_RETURN_IF_ERROR(casefile::ValidateAgencyPrefix(agency_prefix));
  return std::unique_ptr<MysqlCaseRepository>(
      new MysqlCaseRepository(pool, numbers_pool, std::move(agency_prefix)));
}

MysqlCaseRepository::MysqlCaseRepository(ConnectionPool* pool,
                                         ConnectionPool* numbers_pool,
                                         std::string agency_prefix)
    : pool_(pool),
      agency_prefix_(std::move(agency_prefix)),
      numbers_(numbers_pool, kCaseNumberBlock) {}

absl::StatusOr<SubmitResult> MysqlCaseRepository::Submit(const NewCase& c) {
  const casefile::Application& app = c.application;
  if (!app.receipt_date.has_value()) {
    return absl::InternalError("Submit: application not validated");
  }
  // The number is reserved before the write; a replayed request leaves it
  // unused (numbers may have gaps, as documented).
  const int year = app.receipt_date->year();
  FOI_ASSIGN_OR_RETURN(int64_t sequence, numbers_.Next(agency_prefix_, year));
  SubmitResult result;
  CaseRecord& r = result.record;
  r.id = c.case_id;
  r.case_number = casefile::FormatCaseNumber(
      {agency_prefix_, static_cast<int>(year), sequence});
  r.state = casefile::CaseState::kReceived;
  r.applicant = app.applicant;
  r.details = app.details;
  r.channel = app.channel;
  r.receipt_date = *app.receipt_date;
  r.unit = app.unit;
  r.created_by = c.actor;
  r.clocks = c.clocks;
  r.version = 1;

  CaseEventRecord created;
  created.case_id = r.id;
  created.type = "CREATED";
  created.actor = c.actor;
  created.time = c.now;
  created.payload_json =
      JsonObject()
          .Add("case_number", r.case_number)
          .Add("channel", casefile::ChannelName(r.channel))
          .Add("receipt_date", absl::FormatCivilTime(r.receipt_date))
          .Add("unit", r.unit)
          .Add("request_id", c.request_id)
          .Add("reply_due_date",
               r.clocks.reply_due_date
                   ? absl::FormatCivilTime(*r.clocks.reply_due_date)
                   : "")
          .Build();
  casefile::ChainEvent(nullptr, created);
  r.create_time = r.update_time = created.time;

  // One round trip: the procedure (migration 4) claims the request id and
  // writes case, applicant and event in its own transaction, committing
  // before it answers. A retry after a lost answer finds its own request id
  // and replays.
  std::optional<std::string> replay_of;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    replay_of.reset();
    auto& call = session.Prepare(
        "CALL foi_submit_case(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const casefile::Applicant& a = r.applicant;
    call.setString(1, c.request_id);
    call.setString(2, c.request_hash);
    call.setString(3, r.id);
    call.setString(4, ToSqlDateTime(r.create_time));
    call.setString(5, r.case_number);
    call.setString(6, std::string(casefile::CaseStateName(r.state)));
    call.setString(7, std::string(casefile::ChannelName(r.channel)));
    call.setString(8, ToSqlDate(r.receipt_date));
    call.setString(9, r.unit);
    call.setString(10, r.details.information_description);
    call.setString(11, r.details.document_reference);
    call.setString(
        12, std::string(casefile::DeliveryFormName(r.details.delivery_form)));
    call.setString(
        13, std::string(casefile::DeliveryRouteName(r.details.delivery_route)));
    call.setString(14, r.created_by);
    call.setString(15, created.hash);
    SetClocks(call, 16, r.clocks);  // 16..25
    call.setString(26, std::string(casefile::ApplicantTypeName(a.type)));
    call.setString(27, a.name);
    call.setString(
        28,
        std::string(casefile::IdentityDocumentTypeName(a.id_document_type)));
    call.setString(29, a.id_document_number);
    call.setString(30, a.contact_person);
    call.setString(31, a.phone);
    call.setString(32, a.email);
    call.setString(33, a.postal_address);
    call.setString(34, a.postal_code);
    call.setString(35, created.type);
    call.setString(36, created.payload_json);
    call.setString(37, created.previous_hash);
    try {
      call.executeUpdate();
    } catch (const sql::SQLException& e) {
      // ER_SIGNAL_EXCEPTION from the procedure's SIGNAL.
      absl::string_view message = e.what();
      if (e.getErrorCode() != 1644) throw;
      if (absl::ConsumePrefix(&message, "foi-replay:")) {
        replay_of = std::string(message);
      } else if (absl::ConsumePrefix(&message, "foi-conflict:")) {
        return absl::AlreadyExistsError(
            absl::StrCat("request_id: '", c.request_id,
                         "' was already used for a different application"));
      } else {
        throw;
      }
    }
    return absl::OkStatus();
  }));
  if (replay_of.has_value()) {
    FOI_ASSIGN_OR_RETURN(result.record, Get(*replay_of));
    result.replayed = true;
  }
  return result;
}

absl::StatusOr<CaseRecord> MysqlCaseRepository::Get(
    const std::string& case_id) {
  CaseRecord record;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    FOI_ASSIGN_OR_RETURN(record, LoadCase(session, case_id));
    return absl::OkStatus();
  }));
  return record;
}

absl::StatusOr<CasePage> MysqlCaseRepository::List(const CaseQuery& q) {
  // Keyset paging over the primary key: ids sort by creation time, so the
  // order is stable while cases are added, and each page is an index range.
  std::vector<std::string> where = {"c.id > ?"};
  const casefile::CaseFilter& f = q.filter;
  if (f.state) where.push_back("c.state = ?");
  if (f.unit) where.push_back("c.unit = ?");
  if (f.channel) where.push_back("c.channel = ?");
  if (f.receipt_from) where.push_back("c.receipt_date >= ?");
  if (f.receipt_to) where.push_back("c.receipt_date <= ?");
  const std::string sql =
      absl::StrCat("SELECT ", kCaseColumns, kCaseFrom, " WHERE ",
                   absl::StrJoin(where, " AND "), " ORDER BY c.id LIMIT ?");
  CasePage page;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    page = CasePage{};
    auto& ps = session.Prepare(sql);
    int i = 1;
    ps.setString(i++, q.after_id);
    if (f.state)
      ps.setString(i++, std::string(casefile::CaseStateName(*f.state)));
    if (f.unit) ps.setString(i++, *f.unit);
    if (f.channel) {
      ps.setString(i++, std::string(casefile::ChannelName(*f.channel)));
    }
    if (f.receipt_from) ps.setString(i++, ToSqlDate(*f.receipt_from));
    if (f.receipt_to) ps.setString(i++, ToSqlDate(*f.receipt_to));
    ps.setInt(i++, q.page_size + 1);  // one extra row says "there is more"
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      if (static_cast<int>(page.cases.size()) == q.page_size) {
        page.has_more = true;
        break;
      }
      FOI_ASSIGN_OR_RETURN(CaseRecord r, ReadCase(*rs));
      page.cases.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<CaseRecord> MysqlCaseRepository::ApplyTransition(
    const TransitionCommand& cmd) {
  CaseRecord record;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& session) {
    auto& lock = session.Prepare(
        "SELECT state, version, event_count, last_event_hash, unit FROM cases"
        " WHERE id = ? FOR UPDATE");
    lock.setString(1, cmd.case_id);
    std::unique_ptr<sql::ResultSet> rs(lock.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(
          absl::StrCat("cases/", cmd.case_id, " not found"));
    }
    const std::string state_name = rs->getString(1);
    FOI_ASSIGN_OR_RETURN(
        casefile::CaseState state,
        ParseStored(casefile::ParseCaseState(state_name), "state", state_name));
    const int64_t version = rs->getInt64(2);
    CaseEventRecord head;
    head.sequence = rs->getInt(3);
    head.hash = rs->getString(4);
    const std::string unit = rs->getString(5);
    if (cmd.scope_unit.has_value() && *cmd.scope_unit != unit) {
      return absl::PermissionDeniedError(
          absl::StrCat("cases/", cmd.case_id, " belongs to another unit than ",
                       *cmd.scope_unit));
    }
    if (version != cmd.expected_version) {
      return absl::AbortedError(
          absl::StrCat("etag: stale; cases/", cmd.case_id,
                       " changed since it was read — read it again and retry"));
    }
    FOI_ASSIGN_OR_RETURN(
        const casefile::Transition* t,
        casefile::DecideTransition(cmd.action, cmd.role, state));

    CaseEventRecord event;
    event.case_id = cmd.case_id;
    event.type = std::string(t->event_type);
    event.actor = cmd.actor;
    event.time = cmd.now;
    event.payload_json = cmd.payload_json;
    casefile::ChainEvent(&head, event);

    auto& update = session.Prepare(
        "UPDATE cases SET state = ?, version = version + 1, event_count = ?,"
        " last_event_hash = ?, update_time = ? WHERE id = ?");
    const casefile::CaseState to =
        t->to == casefile::CaseState::kUnspecified ? state : t->to;
    update.setString(1, std::string(casefile::CaseStateName(to)));
    update.setInt(2, event.sequence);
    update.setString(3, event.hash);
    update.setString(4, ToSqlDateTime(event.time));
    update.setString(5, cmd.case_id);
    update.executeUpdate();
    FOI_RETURN_IF_ERROR(WriteChanges(session, cmd.case_id, cmd.changes));
    FOI_RETURN_IF_ERROR(store_internal::WriteReleaseChanges(
        session, cmd.case_id, cmd.changes, cmd.now));
    InsertEvent(session, event);
    FOI_ASSIGN_OR_RETURN(record, LoadCase(session, cmd.case_id));
    return absl::OkStatus();
  }));
  return record;
}

absl::StatusOr<std::vector<CaseRecord>> MysqlCaseRepository::ListOpenCases(
    const std::string& after_id, int limit) {
  std::vector<CaseRecord> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    out.clear();
    auto& ps = session.Prepare(absl::StrCat(
        "SELECT ", kCaseColumns, kCaseFrom,
        " WHERE c.id > ? AND c.closed_date IS NULL AND c.state NOT IN"
        " ('REPLIED', 'WITHDRAWN', 'DEEMED_WITHDRAWN', 'TRANSFERRED')"
        " ORDER BY c.id LIMIT ?"));
    ps.setString(1, after_id);
    ps.setInt(2, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      FOI_ASSIGN_OR_RETURN(CaseRecord r, ReadCase(*rs));
      out.push_back(std::move(r));
    }
    if (out.empty()) return absl::OkStatus();
    // Consultations of the whole batch in one query.
    auto& cs = session.Prepare(
        "SELECT case_id, seq, kind, party, reason, start_date, end_date"
        " FROM case_consultations WHERE case_id > ? AND case_id <= ?"
        " ORDER BY case_id, seq");
    cs.setString(1, after_id);
    cs.setString(2, out.back().id);
    std::unique_ptr<sql::ResultSet> crs(cs.executeQuery());
    size_t i = 0;
    while (crs->next()) {
      const std::string case_id = crs->getString(1);
      while (i < out.size() && out[i].id < case_id) ++i;
      if (i == out.size() || out[i].id != case_id) continue;  // a closed case
      casefile::Consultation k;
      k.sequence = crs->getInt(2);
      k.kind = crs->getString(3);
      k.party = crs->getString(4);
      k.reason = crs->getString(5);
      FOI_ASSIGN_OR_RETURN(k.start_date, FromSqlDate(crs->getString(6)));
      FOI_ASSIGN_OR_RETURN(k.end_date, ReadOptionalDate(*crs, 7));
      out[i].consultations.push_back(std::move(k));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<QueuePage> MysqlCaseRepository::ListQueue(const QueueQuery& q) {
  // Each view is a prefix of one of the k_queue_* indexes followed by
  // (queue_due, receipt_date, id), so a page is one index range read.
  // The open consultation (at most one per case) says who a case waits
  // on. A subquery in the select list runs only for the rows returned; a
  // LEFT JOIN let the optimizer pick a join buffer over a small
  // consultations table and then sort every open case of the unit.
  std::string sql =
      absl::StrCat("SELECT ", kCaseColumns,
                   ", c.queue_due, (SELECT k.kind FROM case_consultations k"
                   " WHERE k.case_id = c.id AND k.end_date IS NULL LIMIT 1)",
                   kCaseFrom, " WHERE c.closed_date IS NULL");
  if (!q.unit.empty()) sql += " AND c.unit = ?";
  if (q.only_unassigned) {
    sql += " AND c.assignee = ''";
  } else if (!q.assignee.empty()) {
    sql += " AND c.assignee = ?";
  }
  if (q.state.has_value()) sql += " AND c.state = ?";
  if (q.after_due.has_value()) {
    sql +=
        " AND (c.queue_due > ? OR (c.queue_due = ? AND (c.receipt_date > ?"
        " OR (c.receipt_date = ? AND c.id > ?))))";
  }
  sql += " ORDER BY c.queue_due, c.receipt_date, c.id LIMIT ?";
  QueuePage page;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    page = QueuePage{};
    auto& ps = session.Prepare(sql);
    int i = 1;
    if (!q.unit.empty()) ps.setString(i++, q.unit);
    if (!q.only_unassigned && !q.assignee.empty()) {
      ps.setString(i++, q.assignee);
    }
    if (q.state.has_value()) {
      ps.setString(i++, std::string(casefile::CaseStateName(*q.state)));
    }
    if (q.after_due.has_value()) {
      const std::string due = ToSqlDate(*q.after_due);
      const std::string receipt =
          ToSqlDate(q.after_receipt.value_or(*q.after_due));
      ps.setString(i++, due);
      ps.setString(i++, due);
      ps.setString(i++, receipt);
      ps.setString(i++, receipt);
      ps.setString(i++, q.after_id);
    }
    ps.setInt(i++, q.page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      if (static_cast<int>(page.items.size()) == q.page_size) {
        page.has_more = true;
        break;
      }
      QueueItem item;
      FOI_ASSIGN_OR_RETURN(item.record, ReadCase(*rs));
      constexpr int kQueueDue = store_internal::kCaseColumnCount + 1;
      constexpr int kConsultationKind = kQueueDue + 1;
      FOI_ASSIGN_OR_RETURN(item.queue_due,
                           FromSqlDate(rs->getString(kQueueDue)));
      if (!rs->isNull(kConsultationKind)) {
        item.consultation_kind = rs->getString(kConsultationKind);
      }
      page.items.push_back(std::move(item));
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<std::vector<std::string>>
MysqlCaseRepository::ListCorrectionOverdue(absl::CivilDay today) {
  std::vector<std::string> ids;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    ids.clear();
    auto& ps = session.Prepare(
        "SELECT id FROM cases WHERE state = 'AWAITING_CORRECTION' AND"
        " correction_deadline < ? ORDER BY correction_deadline, id");
    ps.setString(1, ToSqlDate(today));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) ids.push_back(rs->getString(1));
    return absl::OkStatus();
  }));
  return ids;
}

absl::StatusOr<CaseHistory> MysqlCaseRepository::ListEvents(
    const std::string& case_id) {
  CaseHistory history;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& session) {
    history = CaseHistory{};
    // One snapshot for the head and the events, so a concurrent append
    // cannot make an intact chain look broken.
    auto& head = session.Prepare(
        "SELECT event_count, last_event_hash FROM cases WHERE id = ?");
    head.setString(1, case_id);
    std::unique_ptr<sql::ResultSet> rs(head.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(absl::StrCat("cases/", case_id, " not found"));
    }
    const int count = rs->getInt(1);
    const std::string head_hash = rs->getString(2);
    auto& events = session.Prepare(
        "SELECT seq, type, actor, event_time, payload, prev_hash, hash"
        " FROM case_events WHERE case_id = ? ORDER BY seq");
    events.setString(1, case_id);
    std::unique_ptr<sql::ResultSet> ers(events.executeQuery());
    while (ers->next()) {
      CaseEventRecord e;
      e.case_id = case_id;
      e.sequence = ers->getInt(1);
      e.type = ers->getString(2);
      e.actor = ers->getString(3);
      FOI_ASSIGN_OR_RETURN(e.time, FromSqlDateTime(ers->getString(4)));
      e.payload_json = ers->getString(5);
      e.previous_hash = ers->getString(6);
      e.hash = ers->getString(7);
      history.events.push_back(std::move(e));
    }
    history.verification =
        casefile::VerifyEventChain(history.events, count, head_hash);
    return absl::OkStatus();
  }));
  return history;
}

}  // namespace foi::store
