// What one benchmark run measured, and how it is printed: one JSON object per
// run, which scripts/bench.sh collects into bench/results/.
//
// Thread safety: a LatencySamples is used by one thread at a time (each load
// slot has its own); free functions are safe to call concurrently.
#ifndef FOI_TESTS_BENCH_BENCH_RESULT_H_
#define FOI_TESTS_BENCH_BENCH_RESULT_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace foi::bench {

// Latencies and benchmarks use the monotonic clock: they measure intervals,
// never dates.
using BenchClock = std::chrono::steady_clock;

// The part of a run that counts: calls that complete inside [start, end).
// Calls completing during the warm-up before `start` or the drain after
// `end` are not counted.
struct MeasureWindow {
  BenchClock::time_point start;
  BenchClock::time_point end;

  bool Contains(BenchClock::time_point t) const {
    return t >= start && t < end;
  }
};

// The calls one load slot (one call in flight at a time) completed inside
// the window.
struct LatencySamples {
  std::vector<int64_t> ok_nanos;  // latency of each successful call
  int64_t errors = 0;             // calls that finished non-OK
};

// One run's outcome.
struct BenchResult {
  std::string mode;  // "empty", "insert", "submit", "queue", "db_insert"
  int concurrency = 0;
  double seconds = 0;  // length of the measure window
  int64_t calls = 0;   // successful calls inside the window
  int64_t errors = 0;  // non-OK calls inside the window
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  std::string first_error;  // empty when errors == 0
  // ListQueue: the view, and the mean entries per successful call (warm-up
  // included); -1 and empty for the other modes.
  std::string view;
  double mean_items = -1;
};

// Merges the slots' samples into a result. Percentiles use the nearest-rank
// method; all are 0 when no call succeeded.
BenchResult Summarize(std::string mode, int concurrency, double seconds,
                      std::vector<LatencySamples> slots,
                      std::string first_error);

// Returns `result` as one line of JSON:
// {"mode":..., "concurrency":N, "seconds":S, "calls":..., "errors":...,
//  "throughput_per_s":..., "p50_ms":..., "p90_ms":..., "p99_ms":...,
//  "max_ms":...[, "view":..., "mean_items_per_call":...]
//  [, "first_error":...]}.
std::string ToJson(const BenchResult& result);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_BENCH_RESULT_H_
