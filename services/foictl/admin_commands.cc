// foictl administration commands: tokens (AdminService).
#include <map>
#include <string>
#include <vector>

#include "foi/v1/admin_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/foictl/cli.h"

namespace foictl {
namespace {

constexpr char kTokensUsage[] =
    "foictl tokens create --display-name=NAME --role=ROLE [--unit=UNIT]\n"
    "foictl tokens list [--revoked]\n"
    "foictl tokens revoke tokens/{id}\n"
    "  ROLE: FRONT_DESK, OFFICER, REVIEWER, MANAGER, ADMIN (ADMIN token "
    "needed)\n";

int RunTokens(const std::vector<std::string>& pos,
              std::map<std::string, std::string>& opts) {
  if (pos.empty()) return Usage(kTokensUsage);
  auto stub = foi::v1::AdminService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  if (pos[0] == "create" && pos.size() == 1) {
    foi::v1::CreateTokenRequest req;
    req.mutable_token()->set_display_name(Opt(opts, "display-name"));
    foi::v1::Role role = foi::v1::ROLE_UNSPECIFIED;
    if (!ParseEnum(foi::v1::Role_Parse, Opt(opts, "role"), &role)) {
      return Usage(kTokensUsage);
    }
    req.mutable_token()->set_role(role);
    req.mutable_token()->set_unit(Opt(opts, "unit"));
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::CreateTokenResponse resp;
    grpc::Status s = stub->CreateToken(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  if (pos[0] == "list" && pos.size() == 1) {
    foi::v1::ListTokensRequest req;
    req.set_show_revoked(opts.count("revoked") > 0);
    opts.erase("revoked");
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::ListTokensResponse resp;
    grpc::Status s = stub->ListTokens(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  if (pos[0] == "revoke" && pos.size() == 2) {
    if (LeftoverOptions(opts)) return Usage(kTokensUsage);
    foi::v1::RevokeTokenRequest req;
    req.set_name(pos[1]);
    foi::v1::Token resp;
    grpc::Status s = stub->RevokeToken(&ctx, req, &resp);
    return s.ok() ? Print(resp) : Fail(s);
  }
  return Usage(kTokensUsage);
}

}  // namespace

std::vector<Command> AdminCommands() {
  return {
      {"tokens", kTokensUsage, RunTokens},
  };
}

}  // namespace foictl
