// DeadlineService: clocks, extensions, due lists, the deadline report and
// alert streams. A thin adapter over libs/rules, libs/casefile and the store.
//
// Thread safety: handlers run concurrently; no mutable state of its own.
#ifndef FOI_SERVICES_DEADLINE_DEADLINE_SERVICE_H_
#define FOI_SERVICES_DEADLINE_DEADLINE_SERVICE_H_

#include "foi/v1/deadline_service.grpc.pb.h"
#include "libs/server/deps.h"

namespace foi::deadline {

class DeadlineServiceImpl final : public v1::DeadlineService::CallbackService {
 public:
  // `deps` must outlive the service.
  explicit DeadlineServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* ComputeDueDate(
      grpc::CallbackServerContext* ctx,
      const v1::ComputeDueDateRequest* request, v1::Clock* response) override;
  grpc::ServerUnaryReactor* GetClocks(grpc::CallbackServerContext* ctx,
                                      const v1::GetClocksRequest* request,
                                      v1::GetClocksResponse* response) override;
  grpc::ServerUnaryReactor* RequestExtension(
      grpc::CallbackServerContext* ctx,
      const v1::RequestExtensionRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* ApproveExtension(
      grpc::CallbackServerContext* ctx,
      const v1::ApproveExtensionRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* RejectExtension(
      grpc::CallbackServerContext* ctx,
      const v1::RejectExtensionRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* ListDueCases(
      grpc::CallbackServerContext* ctx, const v1::ListDueCasesRequest* request,
      v1::ListDueCasesResponse* response) override;
  grpc::ServerUnaryReactor* GetDeadlineReport(
      grpc::CallbackServerContext* ctx,
      const v1::GetDeadlineReportRequest* request,
      v1::GetDeadlineReportResponse* response) override;
  grpc::ServerWriteReactor<v1::DeadlineAlert>* WatchAlerts(
      grpc::CallbackServerContext* ctx,
      const v1::WatchAlertsRequest* request) override;

 private:
  server::Deps* const deps_;
};

// Adds the DeadlineService to `builder`; `deps` keeps it alive.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::deadline

#endif  // FOI_SERVICES_DEADLINE_DEADLINE_SERVICE_H_
