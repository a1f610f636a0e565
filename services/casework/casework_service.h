// CaseworkService: queues, assignment, corrections, consultations, transfers,
// notes and history. A thin adapter: every mutation is one
// server::HandleCaseCommand call with the command spelled out.
//
// Thread safety: handlers run concurrently; no mutable state of its own.
#ifndef FOI_SERVICES_CASEWORK_CASEWORK_SERVICE_H_
#define FOI_SERVICES_CASEWORK_CASEWORK_SERVICE_H_

#include "foi/v1/casework_service.grpc.pb.h"
#include "libs/server/deps.h"

namespace foi::casework {

class CaseworkServiceImpl final : public v1::CaseworkService::CallbackService {
 public:
  // `deps` must outlive the service.
  explicit CaseworkServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* ListQueue(grpc::CallbackServerContext* ctx,
                                      const v1::ListQueueRequest* request,
                                      v1::ListQueueResponse* response) override;
  grpc::ServerUnaryReactor* AssignCase(grpc::CallbackServerContext* ctx,
                                       const v1::AssignCaseRequest* request,
                                       v1::Case* response) override;
  grpc::ServerUnaryReactor* ClaimCase(grpc::CallbackServerContext* ctx,
                                      const v1::ClaimCaseRequest* request,
                                      v1::Case* response) override;
  grpc::ServerUnaryReactor* RequestCorrection(
      grpc::CallbackServerContext* ctx,
      const v1::RequestCorrectionRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* StartConsultation(
      grpc::CallbackServerContext* ctx,
      const v1::StartConsultationRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* EndConsultation(
      grpc::CallbackServerContext* ctx,
      const v1::EndConsultationRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* TransferCase(grpc::CallbackServerContext* ctx,
                                         const v1::TransferCaseRequest* request,
                                         v1::Case* response) override;
  grpc::ServerUnaryReactor* AddNote(grpc::CallbackServerContext* ctx,
                                    const v1::AddNoteRequest* request,
                                    v1::Case* response) override;
  grpc::ServerUnaryReactor* ListCaseEvents(
      grpc::CallbackServerContext* ctx,
      const v1::ListCaseEventsRequest* request,
      v1::ListCaseEventsResponse* response) override;

 private:
  server::Deps* const deps_;
};

// Adds the CaseworkService to `builder`; `deps` keeps it alive.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::casework

#endif  // FOI_SERVICES_CASEWORK_CASEWORK_SERVICE_H_
