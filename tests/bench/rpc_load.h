// foi-bench load: a closed-loop load generator on gRPC's callback client API.
// It keeps exactly `concurrency` calls in flight: each completion records its
// latency and starts the next call, until the measure window ends.
//
// Thread safety: RunRpcLoad may be called from any thread; completions run
// on gRPC's threads, one call per slot at a time.
#ifndef FOI_TESTS_BENCH_RPC_LOAD_H_
#define FOI_TESTS_BENCH_RPC_LOAD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tests/bench/bench_result.h"

namespace foi::bench {

enum class LoadRpc {
  kEmpty,   // BenchService.Empty
  kInsert,  // BenchService.Insert with BenchPayload()
  kSubmit,  // IntakeService.SubmitApplication, a fresh request_id per call
  kQueue,   // CaseworkService.ListQueue, a first page, rotating tokens
};

// Parses "empty", "insert", "submit" or "queue". INVALID_ARGUMENT otherwise.
absl::StatusOr<LoadRpc> ParseLoadRpc(absl::string_view name);

struct RpcLoadOptions {
  // host:port of the server (loopback; plaintext as foictl uses it there).
  std::string endpoint;
  LoadRpc rpc = LoadRpc::kEmpty;
  int concurrency = 16;
  absl::Duration warmup = absl::Seconds(2);
  absl::Duration measure = absl::Seconds(10);
  // In-flight calls per channel; each channel has its own HTTP/2
  // connection. Default: 8.
  int calls_per_channel = 8;
  // Bearer token sent with every call; needed for kSubmit.
  std::string token;
  // kQueue: bearer tokens used in turn, call after call across all slots
  // (each call takes the next); overrides `token` when not empty.
  std::vector<std::string> tokens;
  // kQueue: the view, a foi.v1.QueueView name (MINE, UNIT_UNASSIGNED, UNIT,
  // ALL), the request's unit (ALL, or a manager's or admin's UNIT views) and
  // the page size.
  std::string queue_view = "UNIT";
  std::string queue_unit;
  int page_size = 50;
  // Deadline of each call. Default: 30s.
  absl::Duration call_timeout = absl::Seconds(30);
};

// Connects, runs the load and returns what the measure window saw. Returns
// UNAVAILABLE if a channel does not connect within 10 seconds.
absl::StatusOr<BenchResult> RunRpcLoad(const RpcLoadOptions& options);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_RPC_LOAD_H_
