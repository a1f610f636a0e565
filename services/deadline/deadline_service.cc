#include "services/deadline/deadline_service.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/server_builder.h"
#include "libs/casefile/application_rules.h"
#include "libs/casefile/case_clocks.h"
#include "libs/casefile/deadline_report.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/convert/case_proto.h"
#include "libs/convert/page_token.h"
#include "libs/rules/statutory_clocks.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"
#include "services/deadline/deadline_sweeper.h"

namespace foi::deadline {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
constexpr int kMaxWithinWorkingDays = 40;

std::optional<absl::CivilDay> OptionalDate(bool has, const v1::Date& d,
                                           absl::string_view field,
                                           absl::Status& error) {
  if (!has) return std::nullopt;
  auto day = convert::DateFromProto(field, d);
  if (!day.ok()) {
    error = day.status();
    return std::nullopt;
  }
  return *day;
}

absl::StatusOr<rules::ClockResult> ComputeFromRequest(
    const calendar::WorkingDayCalendar& cal,
    const v1::ComputeDueDateRequest& r) {
  if (!r.has_start_date()) {
    return absl::InvalidArgumentError("start_date: required");
  }
  FOI_ASSIGN_OR_RETURN(absl::CivilDay start,
                       convert::DateFromProto("start_date", r.start_date()));
  switch (r.kind()) {
    case v1::CORRECTION_NOTICE:
      return rules::ComputeCorrectionNoticeClock(cal, start);
    case v1::CONSULTATION_REPLY:
      return rules::ComputeConsultationClock(cal, start);
    case v1::REPLY:
      break;
    default:
      return absl::InvalidArgumentError("kind: required");
  }
  rules::ReplyClockInput in;
  in.receipt_date = start;
  absl::Status error;
  in.correction_received = OptionalDate(r.has_correction_received_date(),
                                        r.correction_received_date(),
                                        "correction_received_date", error);
  FOI_RETURN_IF_ERROR(error);
  for (int i = 0; i < r.consultations_size(); ++i) {
    const v1::ConsultationPeriod& p = r.consultations(i);
    const std::string field = absl::StrCat("consultations[", i, "]");
    if (!p.has_start_date()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".start_date: required"));
    }
    FOI_ASSIGN_OR_RETURN(
        absl::CivilDay s,
        convert::DateFromProto(field + ".start_date", p.start_date()));
    auto e = OptionalDate(p.has_end_date(), p.end_date(), field + ".end_date",
                          error);
    FOI_RETURN_IF_ERROR(error);
    in.suspensions.push_back({s, e, "consultation"});
  }
  in.extension_days = r.extension_days();
  return rules::ComputeReplyClock(cal, in);
}

// Page keys of ListDueCases: "YYYY-MM-DD/case_id".
std::string DueKey(const casefile::CaseRecord& r) {
  return absl::StrCat(absl::FormatCivilTime(*r.clocks.reply_due_date), "/",
                      r.id);
}

void RowToProto(const casefile::DeadlineReportRow& r,
                v1::DeadlineReportRow* out) {
  out->set_unit(r.unit);
  out->set_officer(r.officer);
  out->set_open(r.open);
  out->set_due_within_3_working_days(r.due_soon);
  out->set_overdue(r.overdue);
  out->set_closed_on_time(r.closed_on_time);
  out->set_closed_late(r.closed_late);
  out->set_on_time_rate(r.on_time_rate);
  out->set_median_working_days_to_reply(r.median_working_days_to_reply);
}

void AlertToProto(const store::AlertRecord& a, v1::DeadlineAlert* out) {
  out->set_alert_id(a.id);
  out->set_case_(convert::CaseName(a.case_id));
  out->set_case_number(a.case_number);
  out->set_unit(a.unit);
  out->set_assignee(a.assignee);
  out->set_kind(a.kind);
  convert::DateToProto(a.due_date, out->mutable_due_date());
  convert::TimeToProto(a.raise_time, out->mutable_raise_time());
}

// One WatchAlerts stream. It subscribes to the hub first (buffering), then
// catches up from the store on a worker, so no alert falls between the two;
// ids already sent are skipped, so none is sent twice.
class AlertStream final : public grpc::ServerWriteReactor<v1::DeadlineAlert>,
                          public server::AlertSubscriber {
 public:
  AlertStream(server::Deps* deps, int64_t after, std::string unit)
      : deps_(deps), last_queued_(after), unit_(std::move(unit)) {
    if (after == 0) {
      // "Only new alerts": new relative to what the hub has seen, decided
      // now, before any alert can slip past.
      last_queued_ = deps_->alerts->LatestSeenId().value_or(0);
      from_latest_ = !deps_->alerts->LatestSeenId().has_value();
    }
    deps_->alerts->Subscribe(this);
    if (!deps_->workers->TrySchedule([this] { CatchUp(); })) {
      absl::MutexLock lock(&mu_);
      catching_up_ = false;
      FinishLocked(server::ToGrpcStatus(
          absl::UnavailableError("server busy: too many calls in flight")));
    }
  }

  void OnAlerts(const std::vector<store::AlertRecord>& alerts) override {
    absl::MutexLock lock(&mu_);
    for (const auto& a : alerts) {
      if (!unit_.empty() && a.unit != unit_) continue;
      if (catching_up_) {
        held_.push_back(a);
      } else {
        Enqueue(a);
      }
    }
    MaybeWriteLocked();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {
      FinishLocked(grpc::Status::CANCELLED);
      return;
    }
    MaybeWriteLocked();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    FinishLocked(grpc::Status::CANCELLED);
  }

  void OnDone() override {
    deps_->alerts->Unsubscribe(this);
    bool last;
    {
      absl::MutexLock lock(&mu_);
      done_ = true;
      last = !catching_up_;
    }
    if (last) delete this;
  }

 private:
  void CatchUp() {
    int64_t after;
    {
      absl::MutexLock lock(&mu_);
      after = last_queued_;
    }
    absl::Status status;
    if (from_latest_) {
      // "Only new alerts": start from the newest one there is.
      auto latest = deps_->deadlines->LatestAlertId();
      if (latest.ok()) {
        absl::MutexLock lock(&mu_);
        after = last_queued_ = std::max(last_queued_, *latest);
      } else {
        status = latest.status();
      }
    }
    while (status.ok()) {
      auto batch = deps_->deadlines->ListAlertsAfter(after, unit_, 500);
      if (!batch.ok()) {
        status = batch.status();
        break;
      }
      absl::MutexLock lock(&mu_);
      for (const auto& a : *batch) Enqueue(a);
      MaybeWriteLocked();
      if (batch->size() < 500) break;
      after = batch->back().id;
    }
    bool remove;
    {
      absl::MutexLock lock(&mu_);
      catching_up_ = false;
      for (const auto& a : held_) Enqueue(a);
      held_.clear();
      if (!status.ok()) FinishLocked(server::ToGrpcStatus(status));
      MaybeWriteLocked();
      remove = done_;
    }
    if (remove) delete this;
  }

  void Enqueue(const store::AlertRecord& a) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (a.id <= last_queued_) return;
    last_queued_ = a.id;
    queue_.push_back(a);
  }

  void MaybeWriteLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (writing_ || finished_ || queue_.empty()) return;
    AlertToProto(queue_.front(), &current_);
    queue_.erase(queue_.begin());
    writing_ = true;
    StartWrite(&current_);
  }

  void FinishLocked(const grpc::Status& s) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    Finish(s);
  }

  server::Deps* const deps_;
  absl::Mutex mu_;
  int64_t last_queued_ ABSL_GUARDED_BY(mu_);
  const std::string unit_;
  // Set when the hub could not tell the newest id: ask the store.
  bool from_latest_ = false;
  bool catching_up_ ABSL_GUARDED_BY(mu_) = true;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<store::AlertRecord> held_ ABSL_GUARDED_BY(mu_);
  std::vector<store::AlertRecord> queue_ ABSL_GUARDED_BY(mu_);
  v1::DeadlineAlert current_;
};

}  // namespace

grpc::ServerUnaryReactor* DeadlineServiceImpl::ComputeDueDate(
    grpc::CallbackServerContext* ctx, const v1::ComputeDueDateRequest* request,
    v1::Clock* response) {
  // Pure calendar arithmetic: answered on the callback thread.
  auto clock = ComputeFromRequest(*deps_->calendars->Get(), *request);
  if (clock.ok()) convert::ClockToProto(*clock, /*with_ledger=*/true, response);
  return server::FinishNow(ctx, clock.status());
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::GetClocks(
    grpc::CallbackServerContext* ctx, const v1::GetClocksRequest* request,
    v1::GetClocksResponse* response) {
  auto id = convert::ParseCaseName("name", request->name());
  if (!id.ok()) return server::FinishNow(ctx, id.status());
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor, [this, id = *id, response]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c, deps_->cases->Get(id));
        auto cal = deps_->calendars->Get();
        FOI_ASSIGN_OR_RETURN(casefile::CaseClocks clocks,
                             casefile::ComputeCaseClocks(
                                 *cal, c, rules::ClockDetail::kWithLedger));
        convert::ClockToProto(clocks.reply, true, response->add_clocks());
        convert::ClockToProto(clocks.correction_notice, true,
                              response->add_clocks());
        for (size_t i = 0; i < clocks.consultations.size(); ++i) {
          v1::Clock* k = response->add_clocks();
          convert::ClockToProto(clocks.consultations[i], true, k);
          k->set_party(c.consultations[i].party);
        }
        response->set_calendar_version(cal->version());
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::RequestExtension(
    grpc::CallbackServerContext* ctx, const v1::RequestExtensionRequest* r,
    v1::Case* response) {
  casefile::CaseCommand cmd;
  cmd.action = casefile::CaseAction::kRequestExtension;
  cmd.working_days = r->working_days();
  cmd.text = r->reason();
  return server::HandleCaseCommand(ctx, *deps_, r->name(), r->etag(),
                                   std::move(cmd), response);
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::ApproveExtension(
    grpc::CallbackServerContext* ctx, const v1::ApproveExtensionRequest* r,
    v1::Case* response) {
  casefile::CaseCommand cmd;
  cmd.action = casefile::CaseAction::kApproveExtension;
  return server::HandleCaseCommand(ctx, *deps_, r->name(), r->etag(),
                                   std::move(cmd), response);
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::RejectExtension(
    grpc::CallbackServerContext* ctx, const v1::RejectExtensionRequest* r,
    v1::Case* response) {
  casefile::CaseCommand cmd;
  cmd.action = casefile::CaseAction::kRejectExtension;
  cmd.text = r->reason();
  return server::HandleCaseCommand(ctx, *deps_, r->name(), r->etag(),
                                   std::move(cmd), response);
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::ListDueCases(
    grpc::CallbackServerContext* ctx, const v1::ListDueCasesRequest* request,
    v1::ListDueCasesResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  const int within = request->has_within_working_days()
                         ? request->within_working_days()
                         : kDueSoonWorkingDays;
  if (within < 0 || within > kMaxWithinWorkingDays) {
    return server::FinishNow(ctx, absl::InvalidArgumentError(
                                      "within_working_days: must be 0 to 40"));
  }
  auto page_size = convert::ResolvePageSize(request->page_size(),
                                            kDefaultPageSize, kMaxPageSize);
  if (!page_size.ok()) return server::FinishNow(ctx, page_size.status());
  for (const auto& [field, value] :
       {std::pair<const char*, const std::string*>{"unit", &request->unit()},
        {"assignee", &request->assignee()}}) {
    absl::Status s = ValidateText(field, *value, {128});
    if (!s.ok()) return server::FinishNow(ctx, s);
  }
  const std::string query =
      absl::StrCat(within, "|", request->unit().size(), ":", request->unit(),
                   "|", request->assignee());
  auto after = convert::DecodePageToken(request->page_token(), query);
  if (!after.ok()) return server::FinishNow(ctx, after.status());
  store::DueQuery q;
  q.unit = request->unit();
  q.assignee = request->assignee();
  q.page_size = *page_size;
  if (!after->empty()) {
    std::pair<std::string, std::string> key = absl::StrSplit(*after, '/');
    absl::CivilDay due;
    if (!absl::ParseCivilTime(key.first, &due)) {
      return server::FinishNow(
          ctx, absl::InvalidArgumentError("page_token: not a token we issued"));
    }
    q.after_due = due;
    q.after_id = key.second;
  }
  const absl::CivilDay today =
      absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, q = std::move(q), within, today, query, response,
       view = server::ApplicantViewFor(*principal)]() mutable -> absl::Status {
        auto cal = deps_->calendars->Get();
        FOI_ASSIGN_OR_RETURN(calendar::CalendarDay until,
                             cal->AddWorkingDays(today, within));
        q.due_on_or_before = until.day;
        FOI_ASSIGN_OR_RETURN(store::DuePage page, deps_->deadlines->ListDue(q));
        for (const casefile::CaseRecord& r : page.cases) {
          v1::DueCase* d = response->add_due_cases();
          convert::CaseToProto(r, view, d->mutable_case_());
          FOI_ASSIGN_OR_RETURN(
              int left, rules::WorkingDaysUntilDue(*cal, today,
                                                   *r.clocks.reply_due_date));
          d->set_working_days_left(left);
        }
        if (page.has_more) {
          response->set_next_page_token(
              convert::EncodePageToken(DueKey(page.cases.back()), query));
        }
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* DeadlineServiceImpl::GetDeadlineReport(
    grpc::CallbackServerContext* ctx,
    const v1::GetDeadlineReportRequest* request,
    v1::GetDeadlineReportResponse* response) {
  absl::CivilDay as_of =
      absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
  if (request->has_as_of()) {
    auto day = convert::DateFromProto("as_of", request->as_of());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    as_of = *day;
  }
  absl::Status unit = ValidateText("unit", request->unit(), {64});
  if (!unit.ok()) return server::FinishNow(ctx, unit);
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, as_of, unit = request->unit(), response]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(calendar::CalendarDay soon,
                             deps_->calendars->Get()->AddWorkingDays(
                                 as_of, kDueSoonWorkingDays));
        FOI_ASSIGN_OR_RETURN(auto counts, deps_->deadlines->CountForReport(
                                              {as_of, soon.day, unit}));
        for (const auto& row : casefile::BuildDeadlineReport(counts)) {
          RowToProto(row, response->add_rows());
        }
        convert::DateToProto(as_of, response->mutable_as_of());
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerWriteReactor<v1::DeadlineAlert>* DeadlineServiceImpl::WatchAlerts(
    grpc::CallbackServerContext* ctx, const v1::WatchAlertsRequest* request) {
  return new AlertStream(deps_, std::max<int64_t>(0, request->after_alert_id()),
                         request->unit());
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<DeadlineServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::deadline
