// The one table the baselines write: bench_rows, shaped like a small case row
// (a time-ordered text id as primary key, a text payload, a timestamp).
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_TESTS_BENCH_BENCH_TABLE_H_
#define FOI_TESTS_BENCH_BENCH_TABLE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/store/connection_pool.h"

namespace foi::bench {

// A realistic payload of about 300 bytes of UTF-8 text: the size of a
// typical application's description.
const std::string& BenchPayload();

// Creates the schema named in the pool's options and bench_rows (InnoDB,
// utf8mb4) if missing. Returns UNAVAILABLE if the database is unreachable.
absl::Status EnsureBenchTable(store::ConnectionPool& pool);

// Writes one row in one transaction: the durable single-row INSERT every
// baseline measures. Returns the transaction's status (UNAVAILABLE when the
// database is unreachable).
absl::Status InsertBenchRow(store::ConnectionPool& pool, const std::string& id,
                            const std::string& payload, absl::Time now);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_BENCH_TABLE_H_
