#include "services/casework/casework_service.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "grpcpp/server_builder.h"
#include "libs/casefile/case_commands.h"
#include "libs/common/status_macros.h"
#include "libs/convert/case_proto.h"
#include "libs/convert/hints_proto.h"
#include "libs/convert/page_token.h"
#include "libs/rules/statutory_clocks.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"

namespace foi::casework {
namespace {

using casefile::CaseAction;
using casefile::CaseCommand;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;

CaseCommand Command(CaseAction action) {
  CaseCommand cmd;
  cmd.action = action;
  return cmd;
}

// Why a case is waiting, if it is.
std::string WaitingOn(const store::QueueItem& item) {
  switch (item.record.state) {
    case casefile::CaseState::kAwaitingCorrection:
      return "APPLICANT";
    case casefile::CaseState::kInConsultation:
      return item.consultation_kind.empty() ? "THIRD_PARTY"
                                            : item.consultation_kind;
    case casefile::CaseState::kInReview:
      return "REVIEW";
    default:
      return "";
  }
}

// Queue page keys: "queue_due/receipt_date/id".
std::string QueueKey(const store::QueueItem& item) {
  return absl::StrCat(absl::FormatCivilTime(item.queue_due), "/",
                      absl::FormatCivilTime(item.record.receipt_date), "/",
                      item.record.id);
}

}  // namespace

grpc::ServerUnaryReactor* CaseworkServiceImpl::ListQueue(
    grpc::CallbackServerContext* ctx, const v1::ListQueueRequest* request,
    v1::ListQueueResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  store::QueueQuery q;
  // Scoping: officers and managers see their own unit; ALL is for managers
  // (their unit unless they name none... every unit) and admins.
  const std::optional<std::string> scope =
      casefile::ScopeUnit(principal->role, principal->unit);
  switch (request->view()) {
    case v1::MINE:
      q.assignee = principal->display_name;
      if (scope) q.unit = *scope;
      break;
    case v1::UNIT_UNASSIGNED:
    case v1::UNIT:
      if (!scope && request->unit().empty()) {
        return server::FinishNow(
            ctx, absl::InvalidArgumentError("unit: required for this view"));
      }
      q.unit = scope ? *scope : request->unit();
      q.only_unassigned = request->view() == v1::UNIT_UNASSIGNED;
      break;
    case v1::ALL:
      if (principal->role == casefile::Role::kOfficer) {
        return server::FinishNow(ctx,
                                 absl::PermissionDeniedError(
                                     "view: ALL is for managers and admins"));
      }
      q.unit = request->unit();
      break;
    default:
      return server::FinishNow(ctx,
                               absl::InvalidArgumentError("view: required"));
  }
  if (request->state() != v1::CASE_STATE_UNSPECIFIED) {
    auto state = casefile::ParseCaseState(v1::CaseState_Name(request->state()));
    if (!state.has_value()) {
      return server::FinishNow(ctx,
                               absl::InvalidArgumentError("state: unknown"));
    }
    q.state = state;
  }
  auto page_size = convert::ResolvePageSize(request->page_size(),
                                            kDefaultPageSize, kMaxPageSize);
  if (!page_size.ok()) return server::FinishNow(ctx, page_size.status());
  q.page_size = *page_size;
  const std::string query =
      absl::StrCat(request->view(), "|", q.unit, "|", q.assignee, "|",
                   q.only_unassigned, "|", request->state());
  auto after = convert::DecodePageToken(request->page_token(), query);
  if (!after.ok()) return server::FinishNow(ctx, after.status());
  if (!after->empty()) {
    std::vector<std::string> key = absl::StrSplit(*after, '/');
    absl::CivilDay due, receipt;
    if (key.size() != 3 || !absl::ParseCivilTime(key[0], &due) ||
        !absl::ParseCivilTime(key[1], &receipt)) {
      return server::FinishNow(
          ctx, absl::InvalidArgumentError("page_token: not a token we issued"));
    }
    q.after_due = due;
    q.after_receipt = receipt;
    q.after_id = key[2];
  }
  const absl::CivilDay today =
      absl::ToCivilDay(deps_->clock->Now(), deps_->agency_zone);
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, q = std::move(q), query, today, response]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(store::QueuePage page, deps_->cases->ListQueue(q));
        std::map<std::string, store::CaseHints> hints;
        if (deps_->hints != nullptr && !page.items.empty()) {
          std::vector<std::string> ids;
          ids.reserve(page.items.size());
          for (const store::QueueItem& item : page.items) {
            ids.push_back(item.record.id);
          }
          FOI_ASSIGN_OR_RETURN(hints, deps_->hints->LoadHints(ids));
        }
        auto cal = deps_->calendars->Get();
        for (const store::QueueItem& item : page.items) {
          v1::QueueEntry* e = response->add_entries();
          // A queue line needs who applied, not how to reach them: contact
          // and identity details stay in GetCase (less personal data on
          // screens and in transit, and a lighter page).
          convert::CaseToProto(item.record, convert::ApplicantView::kNameOnly,
                               e->mutable_case_());
          if (item.record.clocks.reply_due_date.has_value()) {
            FOI_ASSIGN_OR_RETURN(
                int left, rules::WorkingDaysUntilDue(
                              *cal, today, *item.record.clocks.reply_due_date));
            e->set_working_days_left(left);
          }
          e->set_waiting_on(WaitingOn(item));
          if (auto h = hints.find(item.record.id); h != hints.end()) {
            convert::HintsToProto(h->second, e->mutable_hints());
          }
        }
        if (page.has_more) {
          response->set_next_page_token(
              convert::EncodePageToken(QueueKey(page.items.back()), query));
        }
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::AssignCase(
    grpc::CallbackServerContext* ctx, const v1::AssignCaseRequest* request,
    v1::Case* response) {
  CaseCommand cmd = Command(CaseAction::kAssign);
  cmd.assignee = request->assignee();
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::ClaimCase(
    grpc::CallbackServerContext* ctx, const v1::ClaimCaseRequest* request,
    v1::Case* response) {
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), Command(CaseAction::kClaim),
                                   response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::RequestCorrection(
    grpc::CallbackServerContext* ctx,
    const v1::RequestCorrectionRequest* request, v1::Case* response) {
  CaseCommand cmd = Command(CaseAction::kRequestCorrection);
  cmd.correction_items.assign(request->items().begin(), request->items().end());
  if (request->has_deadline()) {
    auto day = convert::DateFromProto("deadline", request->deadline());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    cmd.date = *day;
  }
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::StartConsultation(
    grpc::CallbackServerContext* ctx,
    const v1::StartConsultationRequest* request, v1::Case* response) {
  CaseCommand cmd = Command(CaseAction::kStartConsultation);
  cmd.consultation_kind = request->kind();
  cmd.party = request->party();
  cmd.text = request->reason();
  if (request->has_start_date()) {
    auto day = convert::DateFromProto("start_date", request->start_date());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    cmd.date = *day;
  }
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::EndConsultation(
    grpc::CallbackServerContext* ctx, const v1::EndConsultationRequest* request,
    v1::Case* response) {
  CaseCommand cmd = Command(CaseAction::kEndConsultation);
  cmd.text = request->outcome();
  if (request->has_end_date()) {
    auto day = convert::DateFromProto("end_date", request->end_date());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    cmd.date = *day;
  }
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::TransferCase(
    grpc::CallbackServerContext* ctx, const v1::TransferCaseRequest* request,
    v1::Case* response) {
  CaseCommand cmd;
  switch (request->target_case()) {
    case v1::TransferCaseRequest::kUnit:
      cmd = Command(CaseAction::kTransferToUnit);
      cmd.target_unit = request->unit();
      break;
    case v1::TransferCaseRequest::kOtherAgency:
      cmd = Command(CaseAction::kCloseAsOtherAgency);
      cmd.other_agency = request->other_agency();
      break;
    default:
      return server::FinishNow(
          ctx, absl::InvalidArgumentError("target: give unit or other_agency"));
  }
  cmd.text = request->reason();
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::AddNote(
    grpc::CallbackServerContext* ctx, const v1::AddNoteRequest* request,
    v1::Case* response) {
  CaseCommand cmd = Command(CaseAction::kAddNote);
  cmd.text = request->note();
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* CaseworkServiceImpl::ListCaseEvents(
    grpc::CallbackServerContext* ctx, const v1::ListCaseEventsRequest* request,
    v1::ListCaseEventsResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  auto id = convert::ParseCaseName("name", request->name());
  if (!id.ok()) return server::FinishNow(ctx, id.status());
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, id = *id, p = *principal, response]() -> absl::Status {
        const auto scope = casefile::ScopeUnit(p.role, p.unit);
        if (scope.has_value()) {
          FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c, deps_->cases->Get(id));
          if (c.unit != *scope) {
            return absl::PermissionDeniedError(absl::StrCat(
                "cases/", id, " belongs to unit ", c.unit, ", not ", *scope));
          }
        }
        FOI_ASSIGN_OR_RETURN(store::CaseHistory h,
                             deps_->cases->ListEvents(id));
        for (const auto& e : h.events) {
          convert::CaseEventToProto(e, response->add_events());
        }
        response->set_chain_intact(h.verification.intact);
        response->set_chain_problem(h.verification.problem);
        response->set_first_bad_sequence(h.verification.first_bad_sequence);
        return absl::OkStatus();
      });
  return reactor;
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<CaseworkServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::casework
