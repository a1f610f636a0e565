// ReplyService: the gRPC adapter for fee quotes, the disposition of a case,
// its reply letter and issuing it (OGI Regulations Arts. 36-42). The rules
// live in libs/casefile (release gate, issue) and libs/rules (outcomes,
// fees); the letters in libs/render and deploy/templates.
//
// Thread safety: handlers run concurrently; the service holds no mutable
// state.
#ifndef FOI_SERVICES_REPLY_REPLY_SERVICE_H_
#define FOI_SERVICES_REPLY_REPLY_SERVICE_H_

#include "foi/v1/reply_service.grpc.pb.h"
#include "grpcpp/server_builder.h"
#include "libs/server/deps.h"

namespace foi::reply {

class ReplyServiceImpl final : public v1::ReplyService::CallbackService {
 public:
  // REQUIRES: deps (with replies and letters) outlives the service.
  explicit ReplyServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* QuoteFee(grpc::CallbackServerContext* ctx,
                                     const v1::QuoteFeeRequest* request,
                                     v1::FeeQuote* response) override;
  grpc::ServerUnaryReactor* DraftReply(
      grpc::CallbackServerContext* ctx, const v1::DraftReplyRequest* request,
      v1::DraftReplyResponse* response) override;
  grpc::ServerUnaryReactor* RenderReply(grpc::CallbackServerContext* ctx,
                                        const v1::RenderReplyRequest* request,
                                        v1::RenderedLetter* response) override;
  grpc::ServerUnaryReactor* IssueReply(
      grpc::CallbackServerContext* ctx, const v1::IssueReplyRequest* request,
      v1::IssueReplyResponse* response) override;

 private:
  server::Deps* const deps_;
};

// Registers the service. REQUIRES: deps.replies and deps.letters are set.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::reply

#endif  // FOI_SERVICES_REPLY_REPLY_SERVICE_H_
