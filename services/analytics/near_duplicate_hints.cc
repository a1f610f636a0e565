// AnalyticsService.GetNearDuplicateHints: what foi-analytics found for one
// application (Art. 36(1): information already proactively disclosed is
// answered by saying where it is published).
#include <map>
#include <string>

#include "libs/common/status_macros.h"
#include "libs/convert/case_proto.h"
#include "libs/convert/hints_proto.h"
#include "libs/server/blocking_call.h"
#include "libs/server/principal.h"
#include "libs/server/serve_as.h"
#include "services/analytics/analytics_service.h"

namespace foi::analytics {

grpc::ServerUnaryReactor* AnalyticsServiceImpl::GetNearDuplicateHints(
    grpc::CallbackServerContext* ctx,
    const v1::GetNearDuplicateHintsRequest* request,
    v1::NearDuplicateHints* response) {
  absl::StatusOr<std::string> id =
      convert::ParseCaseName("name", request->name());
  if (!id.ok()) return server::FinishNow(ctx, id.status());
  return server::ServeAs(
      ctx, *deps_,
      [this, response,
       id = *std::move(id)](const server::Principal&) -> absl::Status {
        // NOT_FOUND for a case that does not exist, rather than "not
        // compared yet".
        FOI_RETURN_IF_ERROR(deps_->cases->Get(id).status());
        FOI_ASSIGN_OR_RETURN(auto hints, deps_->hints->LoadHints({id}));
        if (auto h = hints.find(id); h != hints.end()) {
          convert::HintsToProto(h->second, response);
        } else {
          response->set_compared(false);
        }
        return absl::OkStatus();
      });
}

}  // namespace foi::analytics
