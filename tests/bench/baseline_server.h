// foi-bench serve-baseline: a callback BenchService server built the way
// foi-server is built (same transport credentials with an auth processor on
// every call, same worker pool, same FinishWhenDone hand-off, same
// transaction helper), minus everything intake does on top.
//
// Thread safety: the service's methods are called concurrently by gRPC.
#ifndef FOI_TESTS_BENCH_BASELINE_SERVER_H_
#define FOI_TESTS_BENCH_BASELINE_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "foi/internal/bench_service.grpc.pb.h"
#include "libs/common/id_generator.h"
#include "libs/server/worker_pool.h"
#include "libs/store/connection_pool.h"

namespace foi::bench {

class BenchServiceImpl final : public internal::BenchService::CallbackService {
 public:
  // `pool` and `workers` must outlive the service.
  BenchServiceImpl(store::ConnectionPool* pool, server::WorkerPool* workers)
      : pool_(pool), workers_(workers) {}

  grpc::ServerUnaryReactor* Empty(grpc::CallbackServerContext* ctx,
                                  const internal::EmptyRequest* request,
                                  internal::EmptyResponse* response) override;
  grpc::ServerUnaryReactor* Insert(grpc::CallbackServerContext* ctx,
                                   const internal::InsertRequest* request,
                                   internal::InsertResponse* response) override;

 private:
  store::ConnectionPool* const pool_;
  server::WorkerPool* const workers_;
  RandomIdGenerator ids_;
};

struct BaselineOptions {
  std::string listen = "127.0.0.1:0";
  store::MysqlOptions mysql;
  // Worker threads; the pool has as many connections. Default: 16.
  int workers = 16;
  // Calls waiting beyond the workers before UNAVAILABLE. Default: 2000, as
  // foi-server.
  int max_queued_calls = 2000;
};

// Prepares bench_rows, serves until SIGINT or SIGTERM, then drains. Returns
// UNAVAILABLE if the database or the port cannot be reached.
// REQUIRES: server::BlockTerminationSignals() was called.
absl::Status ServeBaseline(const BaselineOptions& options);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_BASELINE_SERVER_H_
