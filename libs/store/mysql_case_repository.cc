#include "libs/store/mysql_case_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/casefile/case_number.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using casefile::CaseEventRecord;
using casefile::CaseRecord;

// Case numbers reserved per trip to the sequence table.
constexpr int kCaseNumberBlock = 20;

constexpr char kCaseColumns[] =
    "c.id, c.case_number, c.state, c.channel, c.receipt_date, c.unit,"
    " c.assignee, c.information_description, c.document_reference,"
    " c.delivery_form, c.delivery_route, c.created_by, c.version,"
    " c.create_time, c.update_time, a.applicant_type, a.name,"
    " a.id_document_type, a.id_document_number, a.contact_person, a.phone,"
    " a.email, a.postal_address, a.postal_code";
constexpr char kCaseFrom[] =
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

// Reads the columns of kCaseColumns from the current row.
absl::StatusOr<CaseRecord> ReadCase(sql::ResultSet& rs) {
  CaseRecord r;
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
  return r;
}

absl::StatusOr<CaseRecord> LoadCase(Session& s, const std::string& case_id) {
  auto& ps = s.Prepare(
      absl::StrCat("SELECT ", kCaseColumns, kCaseFrom, " WHERE c.id = ?"));
  ps.setString(1, case_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("cases/", case_id, " not found"));
  }
  return ReadCase(*rs);
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
  SubmitResult result;
  absl::Status s = RunInTransaction(*pool_, [&](Session& session) {
    result = SubmitResult{};
    // Claim the request id first. A concurrent submission with the same id
    // waits here on the key's lock until the first one commits, then sees
    // it (INSERT IGNORE affects no row) and returns the stored case.
    auto& claim = session.Prepare(
        "INSERT IGNORE INTO idempotency_keys (request_id, request_hash,"
        " case_id, create_time) VALUES (?, ?, ?, ?)");
    claim.setString(1, c.request_id);
    claim.setString(2, c.request_hash);
    claim.setString(3, c.case_id);
    claim.setString(4, ToSqlDateTime(c.now));
    if (claim.executeUpdate() == 0) {
      auto& prior = session.Prepare(
          "SELECT request_hash, case_id FROM idempotency_keys"
          " WHERE request_id = ? LOCK IN SHARE MODE");
      prior.setString(1, c.request_id);
      std::unique_ptr<sql::ResultSet> rs(prior.executeQuery());
      if (!rs->next()) return absl::InternalError("idempotency key vanished");
      if (rs->getString(1) != c.request_hash) {
        return absl::AlreadyExistsError(
            absl::StrCat("request_id: '", c.request_id,
                         "' was already used for a different application"));
      }
      const std::string prior_id = rs->getString(2);
      FOI_ASSIGN_OR_RETURN(result.record, LoadCase(session, prior_id));
      result.replayed = true;
      return absl::OkStatus();
    }

    const int year = app.receipt_date->year();
    FOI_ASSIGN_OR_RETURN(int64_t sequence, numbers_.Next(agency_prefix_, year));
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
            .Build();
    casefile::ChainEvent(nullptr, created);
    r.create_time = r.update_time = created.time;

    auto& insert_case = session.Prepare(
        "INSERT INTO cases (id, case_number, state, channel, receipt_date,"
        " unit, assignee, information_description, document_reference,"
        " delivery_form, delivery_route, created_by, version, event_count,"
        " last_event_hash, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)");
    insert_case.setString(1, r.id);
    insert_case.setString(2, r.case_number);
    insert_case.setString(3, std::string(casefile::CaseStateName(r.state)));
    insert_case.setString(4, std::string(casefile::ChannelName(r.channel)));
    insert_case.setString(5, ToSqlDate(r.receipt_date));
    insert_case.setString(6, r.unit);
    insert_case.setString(7, r.details.information_description);
    insert_case.setString(8, r.details.document_reference);
    insert_case.setString(
        9, std::string(casefile::DeliveryFormName(r.details.delivery_form)));
    insert_case.setString(
        10, std::string(casefile::DeliveryRouteName(r.details.delivery_route)));
    insert_case.setString(11, r.created_by);
    insert_case.setString(12, created.hash);
    insert_case.setString(13, ToSqlDateTime(r.create_time));
    insert_case.setString(14, ToSqlDateTime(r.update_time));
    insert_case.executeUpdate();

    const casefile::Applicant& a = r.applicant;
    auto& insert_applicant = session.Prepare(
        "INSERT INTO applicants (case_id, applicant_type, name,"
        " id_document_type, id_document_number, contact_person, phone, email,"
        " postal_address, postal_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_applicant.setString(1, r.id);
    insert_applicant.setString(
        2, std::string(casefile::ApplicantTypeName(a.type)));
    insert_applicant.setString(3, a.name);
    insert_applicant.setString(
        4, std::string(casefile::IdentityDocumentTypeName(a.id_document_type)));
    insert_applicant.setString(5, a.id_document_number);
    insert_applicant.setString(6, a.contact_person);
    insert_applicant.setString(7, a.phone);
    insert_applicant.setString(8, a.email);
    insert_applicant.setString(9, a.postal_address);
    insert_applicant.setString(10, a.postal_code);
    insert_applicant.executeUpdate();

    InsertEvent(session, created);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
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
        "SELECT state, version, event_count, last_event_hash FROM cases"
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
    update.setString(1, std::string(casefile::CaseStateName(t->to)));
    update.setInt(2, event.sequence);
    update.setString(3, event.hash);
    update.setString(4, ToSqlDateTime(event.time));
    update.setString(5, cmd.case_id);
    update.executeUpdate();
    InsertEvent(session, event);
    FOI_ASSIGN_OR_RETURN(record, LoadCase(session, cmd.case_id));
    return absl::OkStatus();
  }));
  return record;
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
