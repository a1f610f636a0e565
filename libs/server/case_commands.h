// Runs a case command end to end: read the case, plan the command purely
// (casefile::PlanCommand), write the plan in one transaction that holds only
// if the case is still at the version read. Every mutating casework RPC is
// this one call.
//
// Thread safety: safe to call concurrently. Blocking: run it on a worker.
#ifndef FOI_LIBS_SERVER_CASE_COMMANDS_H_
#define FOI_LIBS_SERVER_CASE_COMMANDS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "foi/v1/case.pb.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "libs/casefile/case_commands.h"
#include "libs/convert/case_proto.h"
#include "libs/server/deps.h"
#include "libs/server/principal.h"

namespace foi::server {

// Applies `cmd` to case `case_id` as `principal`. `expected_version` is the
// caller's etag; 0 means "whatever version is current" (the sweeper).
// ABORTED if the case changed since; otherwise as PlanCommand and
// CaseRepository::ApplyTransition say.
absl::StatusOr<casefile::CaseRecord> RunCaseCommand(Deps& deps,
                                                    const Principal& principal,
                                                    const std::string& case_id,
                                                    int64_t expected_version,
                                                    casefile::CaseCommand cmd);

// How much of the applicant a caller sees: reviewers judge the information,
// not the person (DESIGN.md), so they get the name only.
convert::ApplicantView ApplicantViewFor(const Principal& p);

// The whole of a mutating case RPC: checks `name` (cases/{id}) and `etag`,
// runs RunCaseCommand on a worker as the caller, and finishes with the
// changed case in `response`. Returns the reactor to return from the
// handler.
grpc::ServerUnaryReactor* HandleCaseCommand(grpc::CallbackServerContext* ctx,
                                            Deps& deps, const std::string& name,
                                            const std::string& etag,
                                            casefile::CaseCommand cmd,
                                            v1::Case* response);

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_CASE_COMMANDS_H_
