#include "services/intake/intake_service.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "grpcpp/server_builder.h"
#include "libs/casefile/application_rules.h"
#include "libs/casefile/case_clocks.h"
#include "libs/casefile/case_filter.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/convert/case_proto.h"
#include "libs/convert/page_token.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"

namespace foi::intake {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;

}  // namespace

grpc::ServerUnaryReactor* IntakeServiceImpl::SubmitApplication(
    grpc::CallbackServerContext* ctx,
    const v1::SubmitApplicationRequest* request, v1::Case* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  absl::Status valid =
      casefile::ValidateRequestId("request_id", request->request_id());
  if (!valid.ok()) return server::FinishNow(ctx, valid);
  if (!request->has_case_()) {
    return server::FinishNow(ctx, absl::InvalidArgumentError("case: required"));
  }
  auto application = convert::ApplicationFromProto(request->case_());
  if (!application.ok()) return server::FinishNow(ctx, application.status());
  const absl::Time now = deps_->clock->Now();
  const casefile::IntakeContext intake{
      absl::ToCivilDay(now, deps_->agency_zone), deps_->default_unit};
  auto validated =
      casefile::ValidateApplication(*std::move(application), intake);
  if (!validated.ok()) return server::FinishNow(ctx, validated.status());

  // Art. 33 (and Art. 30 for the correction notice): the clocks start now.
  casefile::CaseRecord probe;
  probe.receipt_date = *validated->receipt_date;
  auto clocks = casefile::ComputeCaseClocks(*deps_->calendars->Get(), probe);
  if (!clocks.ok()) return server::FinishNow(ctx, clocks.status());
  store::NewCase new_case{*std::move(validated),
                          request->request_id(),
                          convert::SubmissionHash(request->case_()),
                          deps_->ids->NewId(now),
                          principal->Actor(),
                          now,
                          casefile::WithDerived(probe, *clocks)};
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, new_case = std::move(new_case), response,
       view = server::ApplicantViewFor(*principal)]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(store::SubmitResult r,
                             deps_->cases->Submit(new_case));
        convert::CaseToProto(r.record, view, response);
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* IntakeServiceImpl::GetCase(
    grpc::CallbackServerContext* ctx, const v1::GetCaseRequest* request,
    v1::Case* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  auto id = convert::ParseCaseName("name", request->name());
  if (!id.ok()) return server::FinishNow(ctx, id.status());
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, id = *id, response,
       view = server::ApplicantViewFor(*principal)]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(casefile::CaseRecord r, deps_->cases->Get(id));
        convert::CaseToProto(r, view, response);
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* IntakeServiceImpl::ListCases(
    grpc::CallbackServerContext* ctx, const v1::ListCasesRequest* request,
    v1::ListCasesResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  auto filter = casefile::ParseCaseFilter(request->filter());
  if (!filter.ok()) return server::FinishNow(ctx, filter.status());
  auto page_size = convert::ResolvePageSize(request->page_size(),
                                            kDefaultPageSize, kMaxPageSize);
  if (!page_size.ok()) return server::FinishNow(ctx, page_size.status());
  const std::string query = casefile::CanonicalCaseFilter(*filter);
  auto after = convert::DecodePageToken(request->page_token(), query);
  if (!after.ok()) return server::FinishNow(ctx, after.status());

  store::CaseQuery q{*std::move(filter), *page_size, *std::move(after)};
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, q = std::move(q), query, response,
       view = server::ApplicantViewFor(*principal)]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(store::CasePage page, deps_->cases->List(q));
        for (const casefile::CaseRecord& r : page.cases) {
          convert::CaseToProto(r, view, response->add_cases());
        }
        if (page.has_more) {
          response->set_next_page_token(
              convert::EncodePageToken(page.cases.back().id, query));
        }
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* IntakeServiceImpl::WithdrawApplication(
    grpc::CallbackServerContext* ctx,
    const v1::WithdrawApplicationRequest* request, v1::Case* response) {
  casefile::CaseCommand cmd;
  cmd.action = casefile::CaseAction::kWithdraw;
  cmd.text = request->reason();
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

grpc::ServerUnaryReactor* IntakeServiceImpl::SubmitCorrection(
    grpc::CallbackServerContext* ctx,
    const v1::SubmitCorrectionRequest* request, v1::Case* response) {
  casefile::CaseCommand cmd;
  cmd.action = casefile::CaseAction::kSubmitCorrection;
  cmd.text = request->correction();
  if (request->has_received_date()) {
    auto day =
        convert::DateFromProto("received_date", request->received_date());
    if (!day.ok()) return server::FinishNow(ctx, day.status());
    cmd.date = *day;
  }
  return server::HandleCaseCommand(ctx, *deps_, request->name(),
                                   request->etag(), std::move(cmd), response);
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<IntakeServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::intake
