#include "tests/bench/baseline_server.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/blocking_call.h"
#include "libs/server/bootstrap.h"
#include "libs/server/log.h"
#include "tests/bench/bench_table.h"

namespace foi::bench {
namespace {

using server::Log;
using server::LogLevel;

// Admits every call, inline like foi-server's Authenticator, so the baseline
// pays the same auth-processor hop without a token check.
class AdmitAll final : public grpc::AuthMetadataProcessor {
 public:
  bool IsBlocking() const override { return false; }
  grpc::Status Process(const InputMetadata&, grpc::AuthContext*,
                       OutputMetadata*, OutputMetadata*) override {
    return grpc::Status::OK;
  }
};

// Waits up to a minute for the database, as foi-server does at start-up.
absl::Status WaitForBenchTable(store::ConnectionPool& pool) {
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  for (;;) {
    absl::Status s = EnsureBenchTable(pool);
    if (s.ok() || !absl::IsUnavailable(s) || absl::Now() > deadline) return s;
    absl::SleepFor(absl::Milliseconds(250));
  }
}

}  // namespace

grpc::ServerUnaryReactor* BenchServiceImpl::Empty(
    grpc::CallbackServerContext* ctx, const internal::EmptyRequest* request,
    internal::EmptyResponse* response) {
  auto* reactor = ctx->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerUnaryReactor* BenchServiceImpl::Insert(
    grpc::CallbackServerContext* ctx, const internal::InsertRequest* request,
    internal::InsertResponse* response) {
  const absl::Time now = absl::Now();
  std::string id = ids_.NewId(now);
  auto* reactor = ctx->DefaultReactor();
  // As IntakeService does: everything that blocks runs on a worker.
  server::FinishWhenDone(
      *workers_, reactor,
      [this, id = std::move(id), now, request, response]() -> absl::Status {
        FOI_RETURN_IF_ERROR(
            InsertBenchRow(*pool_, id, request->payload(), now));
        response->set_id(id);
        return absl::OkStatus();
      });
  return reactor;
}

absl::Status ServeBaseline(const BaselineOptions& options) {
  store::MysqlOptions mysql = options.mysql;
  mysql.pool_size = options.workers;
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionPool> pool,
                       store::ConnectionPool::Create(mysql));
  FOI_RETURN_IF_ERROR(WaitForBenchTable(*pool));
  server::WorkerPool workers(options.workers, options.max_queued_calls);
  BenchServiceImpl service(pool.get(), &workers);

  FOI_ASSIGN_OR_RETURN(
      auto creds, server::MakeServerCredentials(options.listen, "", "",
                                                std::make_shared<AdmitAll>()));
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, creds, &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen));
  }
  Log(LogLevel::kInfo, "serving bench baselines",
      JsonObject()
          .Add("listen", options.listen)
          .Add("port", static_cast<int64_t>(port))
          .Add("database", mysql.database));

  server::WaitForTerminationSignal();
  server->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  server->Wait();
  return absl::OkStatus();
}

}  // namespace foi::bench
