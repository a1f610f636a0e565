#include "libs/server/case_commands.h"

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/convert/case_proto.h"
#include "libs/server/blocking_call.h"

namespace foi::server {

absl::StatusOr<casefile::CaseRecord> RunCaseCommand(Deps& deps,
                                                    const Principal& principal,
                                                    const std::string& case_id,
                                                    int64_t expected_version,
                                                    casefile::CaseCommand cmd) {
  FOI_ASSIGN_OR_RETURN(casefile::CaseRecord c, deps.cases->Get(case_id));
  if (expected_version != 0 && c.version != expected_version) {
    return absl::AbortedError(
        absl::StrCat("etag: stale; cases/", case_id,
                     " changed since it was read — read it again and retry"));
  }
  if (casefile::NeedsDocumentCoverage(cmd.action)) {
    // Read after the case: attaching a document or signing a review off
    // bumps the case's version, so coverage newer than `c` makes the write
    // below fail with ABORTED rather than pass the gate on stale facts.
    FOI_ASSIGN_OR_RETURN(c.documents,
                         deps.reviews->ListDocumentCoverage(case_id));
  }
  const absl::Time now = deps.clock->Now();
  cmd.role = principal.role;
  cmd.actor_name = principal.display_name;
  cmd.actor_unit = principal.unit;
  cmd.today = absl::ToCivilDay(now, deps.agency_zone);
  FOI_ASSIGN_OR_RETURN(casefile::CasePlan plan,
                       casefile::PlanCommand(*deps.calendars->Get(), c, cmd));
  store::TransitionCommand t;
  t.case_id = case_id;
  t.expected_version = c.version;
  t.action = cmd.action;
  t.role = principal.role;
  t.actor = principal.Actor();
  t.payload_json = std::move(plan.payload_json);
  t.now = now;
  t.changes = std::move(plan.changes);
  t.scope_unit = casefile::ScopeUnit(principal.role, principal.unit);
  return deps.cases->ApplyTransition(t);
}

convert::ApplicantView ApplicantViewFor(const Principal& p) {
  return p.role == casefile::Role::kReviewer ? convert::ApplicantView::kNameOnly
                                             : convert::ApplicantView::kFull;
}

grpc::ServerUnaryReactor* HandleCaseCommand(grpc::CallbackServerContext* ctx,
                                            Deps& deps, const std::string& name,
                                            const std::string& etag,
                                            casefile::CaseCommand cmd,
                                            v1::Case* response) {
  auto* reactor = ctx->DefaultReactor();
  auto finish_now = [reactor](const absl::Status& s) {
    reactor->Finish(ToGrpcStatus(s));
    return reactor;
  };
  auto principal = PrincipalFromContext(*ctx, *deps.token_cache);
  if (!principal.ok()) return finish_now(principal.status());
  auto id = convert::ParseCaseName("name", name);
  if (!id.ok()) return finish_now(id.status());
  if (etag.empty()) {
    return finish_now(absl::InvalidArgumentError("etag: required"));
  }
  auto version = casefile::VersionFromEtag(etag);
  if (!version.has_value()) {
    return finish_now(
        absl::InvalidArgumentError("etag: not an etag of a case"));
  }
  FinishWhenDone(*deps.workers, reactor,
                 [&deps, p = *principal, id = *id, version = *version,
                  cmd = std::move(cmd), response]() mutable -> absl::Status {
                   FOI_ASSIGN_OR_RETURN(
                       casefile::CaseRecord r,
                       RunCaseCommand(deps, p, id, version, std::move(cmd)));
                   convert::CaseToProto(r, ApplicantViewFor(p), response);
                   return absl::OkStatus();
                 });
  return reactor;
}

}  // namespace foi::server
