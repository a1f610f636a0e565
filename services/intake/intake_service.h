// IntakeService: front desks register applications and look cases up. A thin
// adapter: validate the request shape, call one library entry point on the
// worker pool, convert, finish.
//
// Thread safety: handlers run concurrently; the service holds no mutable
// state of its own.
#ifndef FOI_SERVICES_INTAKE_INTAKE_SERVICE_H_
#define FOI_SERVICES_INTAKE_INTAKE_SERVICE_H_

#include "foi/v1/intake_service.grpc.pb.h"
#include "libs/casefile/case_commands.h"
#include "libs/server/deps.h"

namespace foi::intake {

class IntakeServiceImpl final : public v1::IntakeService::CallbackService {
 public:
  // `deps` must outlive the service.
  explicit IntakeServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* SubmitApplication(
      grpc::CallbackServerContext* ctx,
      const v1::SubmitApplicationRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* ctx,
                                    const v1::GetCaseRequest* request,
                                    v1::Case* response) override;
  grpc::ServerUnaryReactor* ListCases(grpc::CallbackServerContext* ctx,
                                      const v1::ListCasesRequest* request,
                                      v1::ListCasesResponse* response) override;
  grpc::ServerUnaryReactor* WithdrawApplication(
      grpc::CallbackServerContext* ctx,
      const v1::WithdrawApplicationRequest* request,
      v1::Case* response) override;
  grpc::ServerUnaryReactor* SubmitCorrection(
      grpc::CallbackServerContext* ctx,
      const v1::SubmitCorrectionRequest* request, v1::Case* response) override;

 private:
  server::Deps* const deps_;
};

// Adds the IntakeService to `builder`; `deps` keeps it alive.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::intake

#endif  // FOI_SERVICES_INTAKE_INTAKE_SERVICE_H_
