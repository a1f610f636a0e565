#include "tests/bench/db_insert_load.h"

#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "libs/common/id_generator.h"
#include "libs/common/status_macros.h"
#include "libs/store/connection_pool.h"
#include "tests/bench/bench_table.h"

namespace foi::bench {

absl::StatusOr<BenchResult> RunDbInsertLoad(
    const DbInsertLoadOptions& options) {
  store::MysqlOptions mysql = options.mysql;
  mysql.pool_size = options.concurrency;
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionPool> pool,
                       store::ConnectionPool::Create(mysql));
  FOI_RETURN_IF_ERROR(EnsureBenchTable(*pool));

  RandomIdGenerator ids;
  const std::string& payload = BenchPayload();
  const BenchClock::time_point begin = BenchClock::now();
  const MeasureWindow window{
      begin + absl::ToChronoNanoseconds(options.warmup),
      begin + absl::ToChronoNanoseconds(options.warmup + options.measure)};
  std::vector<LatencySamples> slots(options.concurrency);
  absl::Mutex mu;
  std::string first_error;  // guarded by mu

  std::vector<std::thread> threads;
  threads.reserve(options.concurrency);
  for (int i = 0; i < options.concurrency; ++i) {
    threads.emplace_back([&, samples = &slots[i]] {
      for (;;) {
        const BenchClock::time_point start = BenchClock::now();
        if (start >= window.end) return;
        const absl::Time now = absl::Now();
        absl::Status s = InsertBenchRow(*pool, ids.NewId(now), payload, now);
        const BenchClock::time_point done = BenchClock::now();
        if (!window.Contains(done)) continue;
        if (s.ok()) {
          samples->ok_nanos.push_back(
              std::chrono::duration_cast<std::chrono::nanoseconds>(done - start)
                  .count());
        } else {
          ++samples->errors;
          absl::MutexLock lock(&mu);
          if (first_error.empty()) first_error = s.ToString();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  return Summarize("db_insert", options.concurrency,
                   absl::ToDoubleSeconds(options.measure), std::move(slots),
                   std::move(first_error));
}

}  // namespace foi::bench
