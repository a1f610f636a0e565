// ReviewService: the gRPC adapter of confidentiality pre-review (OGI
// Regulations Arts. 14-17, 37). Handlers check the request's shape, then do
// the blocking work (database, screening, PDF) on the worker pool; the rules
// live in libs/casefile/review.h and libs/screening.
//
// Thread safety: handlers run concurrently; the service holds no mutable
// state.
#ifndef FOI_SERVICES_REVIEW_REVIEW_SERVICE_H_
#define FOI_SERVICES_REVIEW_REVIEW_SERVICE_H_

#include "foi/v1/review_service.grpc.pb.h"
#include "grpcpp/server_builder.h"
#include "libs/server/deps.h"

namespace foi::review {

// Largest document accepted by AddDocument, and largest ScreenText input.
inline constexpr size_t kMaxDocumentBytes = 16 << 20;
inline constexpr size_t kMaxScreenTextBytes = 4 << 20;

class ReviewServiceImpl final : public v1::ReviewService::CallbackService {
 public:
  // REQUIRES: deps (with cases, reviews, screener, workers) outlives the
  // service.
  explicit ReviewServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* ScreenText(
      grpc::CallbackServerContext* ctx, const v1::ScreenTextRequest* request,
      v1::ScreenTextResponse* response) override;
  grpc::ServerUnaryReactor* AddDocument(
      grpc::CallbackServerContext* ctx, const v1::AddDocumentRequest* request,
      v1::AddDocumentResponse* response) override;
  grpc::ServerUnaryReactor* ListDocuments(
      grpc::CallbackServerContext* ctx, const v1::ListDocumentsRequest* request,
      v1::ListDocumentsResponse* response) override;
  grpc::ServerUnaryReactor* CreateReview(grpc::CallbackServerContext* ctx,
                                         const v1::CreateReviewRequest* request,
                                         v1::Review* response) override;
  grpc::ServerUnaryReactor* GetReview(grpc::CallbackServerContext* ctx,
                                      const v1::GetReviewRequest* request,
                                      v1::Review* response) override;
  grpc::ServerUnaryReactor* AddFinding(grpc::CallbackServerContext* ctx,
                                       const v1::AddFindingRequest* request,
                                       v1::Review* response) override;
  grpc::ServerUnaryReactor* DecideFinding(
      grpc::CallbackServerContext* ctx, const v1::DecideFindingRequest* request,
      v1::Review* response) override;
  grpc::ServerUnaryReactor* CompleteReview(
      grpc::CallbackServerContext* ctx,
      const v1::CompleteReviewRequest* request, v1::Review* response) override;
  grpc::ServerUnaryReactor* GetRedactedDocument(
      grpc::CallbackServerContext* ctx,
      const v1::GetRedactedDocumentRequest* request,
      v1::RedactedDocument* response) override;

 private:
  server::Deps* const deps_;
};

// Registers the service. REQUIRES: deps.screener and deps.reviews are set.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::review

#endif  // FOI_SERVICES_REVIEW_REVIEW_SERVICE_H_
