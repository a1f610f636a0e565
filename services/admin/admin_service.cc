#include "services/admin/admin_service.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "grpcpp/server_builder.h"
#include "libs/common/sha256.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"
#include "libs/convert/case_proto.h"
#include "libs/server/blocking_call.h"
#include "libs/server/case_commands.h"
#include "libs/server/principal.h"
#include "services/admin/calendar_reload.h"

namespace foi::admin {
namespace {

void TokenToProto(const store::TokenRecord& t, v1::Token* out) {
  out->set_name(absl::StrCat("tokens/", t.id));
  out->set_display_name(t.display_name);
  out->set_role(static_cast<v1::Role>(static_cast<int>(t.role)));
  out->set_unit(t.unit);
  out->set_created_by(t.created_by);
  convert::TimeToProto(t.create_time, out->mutable_create_time());
  if (t.revoke_time) {
    convert::TimeToProto(*t.revoke_time, out->mutable_revoke_time());
  }
}

absl::Status ValidateToken(const v1::Token& t) {
  FOI_RETURN_IF_ERROR(
      ValidateText("token.display_name", t.display_name(), {200, true}));
  if (t.role() == v1::ROLE_UNSPECIFIED || !v1::Role_IsValid(t.role())) {
    return absl::InvalidArgumentError("token.role: required");
  }
  const bool needs_unit = t.role() == v1::OFFICER || t.role() == v1::MANAGER;
  return ValidateText("token.unit", t.unit(), {64, needs_unit});
}

}  // namespace

grpc::ServerUnaryReactor* AdminServiceImpl::CreateToken(
    grpc::CallbackServerContext* ctx, const v1::CreateTokenRequest* request,
    v1::CreateTokenResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  absl::Status valid = ValidateToken(request->token());
  if (!valid.ok()) return server::FinishNow(ctx, valid);

  const std::string secret = deps_->ids->NewSecret();
  store::TokenRecord t;
  t.create_time = absl::FromUnixMicros(absl::ToUnixMicros(deps_->clock->Now()));
  t.id = deps_->ids->NewId(t.create_time);
  t.token_hash = Sha256Hex(secret);
  t.display_name = request->token().display_name();
  t.role =
      static_cast<casefile::Role>(static_cast<int>(request->token().role()));
  t.unit = request->token().unit();
  t.created_by = principal->Actor();
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, t = std::move(t), secret, response]() -> absl::Status {
        FOI_RETURN_IF_ERROR(deps_->tokens->Create(t));
        // Usable at once on this replica; others pick it up on refresh.
        FOI_RETURN_IF_ERROR(deps_->token_cache->Refresh());
        TokenToProto(t, response->mutable_token());
        response->set_secret(secret);
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* AdminServiceImpl::ListTokens(
    grpc::CallbackServerContext* ctx, const v1::ListTokensRequest* request,
    v1::ListTokensResponse* response) {
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(*deps_->workers, reactor,
                         [this, show_revoked = request->show_revoked(),
                          response]() -> absl::Status {
                           FOI_ASSIGN_OR_RETURN(
                               auto tokens, deps_->tokens->List(show_revoked));
                           for (const store::TokenRecord& t : tokens) {
                             TokenToProto(t, response->add_tokens());
                           }
                           return absl::OkStatus();
                         });
  return reactor;
}

grpc::ServerUnaryReactor* AdminServiceImpl::RevokeToken(
    grpc::CallbackServerContext* ctx, const v1::RevokeTokenRequest* request,
    v1::Token* response) {
  absl::string_view id = request->name();
  if (!absl::ConsumePrefix(&id, "tokens/") || id.empty() || id.size() > 40) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("name: expected tokens/{id}"));
  }
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, id = std::string(id), response]() -> absl::Status {
        FOI_ASSIGN_OR_RETURN(store::TokenRecord t,
                             deps_->tokens->Revoke(id, deps_->clock->Now()));
        FOI_RETURN_IF_ERROR(deps_->token_cache->Refresh());
        TokenToProto(t, response);
        return absl::OkStatus();
      });
  return reactor;
}

grpc::ServerUnaryReactor* AdminServiceImpl::LoadCalendar(
    grpc::CallbackServerContext* ctx, const v1::LoadCalendarRequest* request,
    v1::LoadCalendarResponse* response) {
  auto principal = server::PrincipalFromContext(*ctx, *deps_->token_cache);
  if (!principal.ok()) return server::FinishNow(ctx, principal.status());
  if (request->csv().size() > (1 << 20)) {
    return server::FinishNow(
        ctx, absl::InvalidArgumentError("csv: larger than 1 MiB"));
  }
  auto parsed = calendar::WorkingDayCalendar::FromCsv(request->csv());
  if (!parsed.ok()) {
    return server::FinishNow(
        ctx, absl::Status(parsed.status().code(),
                          absl::StrCat("csv: ", parsed.status().message())));
  }
  std::shared_ptr<const calendar::WorkingDayCalendar> next = *std::move(parsed);
  const auto current = deps_->calendars->Get();
  if (next->last_day() < current->last_day() ||
      next->first_day() > current->first_day()) {
    return server::FinishNow(
        ctx, absl::FailedPreconditionError(absl::StrCat(
                 "csv: covers ", absl::FormatCivilTime(next->first_day()),
                 " to ", absl::FormatCivilTime(next->last_day()),
                 ", less than the calendar in force (",
                 absl::FormatCivilTime(current->first_day()), " to ",
                 absl::FormatCivilTime(current->last_day()), ")")));
  }
  auto* reactor = ctx->DefaultReactor();
  server::FinishWhenDone(
      *deps_->workers, reactor,
      [this, next, csv = request->csv(), actor = principal->Actor(),
       response]() -> absl::Status {
        const absl::Time now = deps_->clock->Now();
        FOI_RETURN_IF_ERROR(
            deps_->deadlines->SaveCalendar({next->version(), csv}, actor, now));
        deps_->calendars->Set(next);
        FOI_ASSIGN_OR_RETURN(
            RecomputeResult r,
            RecomputeOpenClocks(*deps_->cases, *next, actor, now));
        response->set_calendar_version(next->version());
        convert::DateToProto(next->first_day(), response->mutable_first_day());
        convert::DateToProto(next->last_day(), response->mutable_last_day());
        response->set_cases_recomputed(r.recomputed);
        response->set_due_dates_changed(r.changed);
        return absl::OkStatus();
      });
  return reactor;
}

void Register(grpc::ServerBuilder& builder, server::Deps& deps) {
  auto service = std::make_unique<AdminServiceImpl>(&deps);
  builder.RegisterService(service.get());
  deps.services.push_back(std::move(service));
}

}  // namespace foi::admin
