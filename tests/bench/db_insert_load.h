// foi-bench db-insert: the bare database floor. N threads, each a loop of
// single-row INSERT transactions through Connector/C++ on a pool of N
// connections, with no gRPC at all.
//
// Thread safety: RunDbInsertLoad may be called from any thread; it starts
// and joins its own.
#ifndef FOI_TESTS_BENCH_DB_INSERT_LOAD_H_
#define FOI_TESTS_BENCH_DB_INSERT_LOAD_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/mysql_options.h"
#include "tests/bench/bench_result.h"

namespace foi::bench {

struct DbInsertLoadOptions {
  store::MysqlOptions mysql;  // pool_size is set to `concurrency`
  int concurrency = 16;
  absl::Duration warmup = absl::Seconds(2);
  absl::Duration measure = absl::Seconds(10);
};

// Runs the load and returns what the measure window saw (mode "db_insert").
// Returns UNAVAILABLE if bench_rows cannot be prepared.
absl::StatusOr<BenchResult> RunDbInsertLoad(const DbInsertLoadOptions& options);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_DB_INSERT_LOAD_H_
