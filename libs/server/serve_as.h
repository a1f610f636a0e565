// The common shape of a blocking unary handler: know who calls, then do the
// work on the worker pool and finish with its status.
#ifndef FOI_LIBS_SERVER_SERVE_AS_H_
#define FOI_LIBS_SERVER_SERVE_AS_H_

#include <utility>

#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "libs/server/blocking_call.h"
#include "libs/server/deps.h"
#include "libs/server/principal.h"

namespace foi::server {

// Finishes at once with UNAUTHENTICATED if the caller's token is gone;
// otherwise runs `work(principal)` (absl::Status) on deps.workers and
// finishes the call with its result. Returns the reactor to return.
template <typename Work>
grpc::ServerUnaryReactor* ServeAs(grpc::CallbackServerContext* ctx, Deps& deps,
                                  Work work) {
  auto principal = PrincipalFromContext(*ctx, *deps.token_cache);
  if (!principal.ok()) return FinishNow(ctx, principal.status());
  auto* reactor = ctx->DefaultReactor();
  FinishWhenDone(*deps.workers, reactor,
                 [p = *std::move(principal), work = std::move(work)]() mutable {
                   return work(p);
                 });
  return reactor;
}

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_SERVE_AS_H_
