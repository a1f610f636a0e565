// Runs a handler's blocking part on the WorkerPool and finishes the unary
// reactor with its result, so callback threads never wait on the database.
#ifndef FOI_LIBS_SERVER_BLOCKING_CALL_H_
#define FOI_LIBS_SERVER_BLOCKING_CALL_H_

#include <utility>

#include "absl/status/status.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "libs/server/grpc_status.h"
#include "libs/server/worker_pool.h"

namespace foi::server {

// Schedules `work` (absl::Status()) on `pool`; the reactor finishes with its
// status. If the pool is saturated the call finishes at once with
// UNAVAILABLE, which clients retry with backoff.
template <typename Work>
void FinishWhenDone(WorkerPool& pool, grpc::ServerUnaryReactor* reactor,
                    Work work) {
  const bool queued =
      pool.TrySchedule([reactor, work = std::move(work)]() mutable {
        reactor->Finish(ToGrpcStatus(work()));
      });
  if (!queued) {
    reactor->Finish(ToGrpcStatus(
        absl::UnavailableError("server busy: too many calls in flight")));
  }
}

// Finishes the call at once with `s` (a validation error, say) and returns
// the reactor for the handler to return.
inline grpc::ServerUnaryReactor* FinishNow(grpc::CallbackServerContext* ctx,
                                           const absl::Status& s) {
  auto* reactor = ctx->DefaultReactor();
  reactor->Finish(ToGrpcStatus(s));
  return reactor;
}

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_BLOCKING_CALL_H_
