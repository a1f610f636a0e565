// AdminService: bearer tokens. Secrets are shown once, stored hashed.
//
// Thread safety: handlers run concurrently; no mutable state of its own.
#ifndef FOI_SERVICES_ADMIN_ADMIN_SERVICE_H_
#define FOI_SERVICES_ADMIN_ADMIN_SERVICE_H_

#include "foi/v1/admin_service.grpc.pb.h"
#include "libs/server/deps.h"

namespace foi::admin {

class AdminServiceImpl final : public v1::AdminService::CallbackService {
 public:
  // `deps` must outlive the service.
  explicit AdminServiceImpl(server::Deps* deps) : deps_(deps) {}

  grpc::ServerUnaryReactor* CreateToken(
      grpc::CallbackServerContext* ctx, const v1::CreateTokenRequest* request,
      v1::CreateTokenResponse* response) override;
  grpc::ServerUnaryReactor* ListTokens(
      grpc::CallbackServerContext* ctx, const v1::ListTokensRequest* request,
      v1::ListTokensResponse* response) override;
  grpc::ServerUnaryReactor* RevokeToken(grpc::CallbackServerContext* ctx,
                                        const v1::RevokeTokenRequest* request,
                                        v1::Token* response) override;
  grpc::ServerUnaryReactor* LoadCalendar(
      grpc::CallbackServerContext* ctx, const v1::LoadCalendarRequest* request,
      v1::LoadCalendarResponse* response) override;

 private:
  server::Deps* const deps_;
};

// Adds the AdminService to `builder`; `deps` keeps it alive.
void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::admin

#endif  // FOI_SERVICES_ADMIN_ADMIN_SERVICE_H_
