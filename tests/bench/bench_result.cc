#include "tests/bench/bench_result.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_format.h"
#include "libs/common/json_writer.h"

namespace foi::bench {
namespace {

// Nearest rank: the smallest sample with at least q of all samples at or
// below it. REQUIRES: sorted is sorted and not empty.
double PercentileMs(const std::vector<int64_t>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  size_t rank = static_cast<size_t>(std::ceil(q * n));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return static_cast<double>(sorted[rank - 1]) / 1e6;
}

std::string Fixed(double v, int digits) {
  return absl::StrFormat("%.*f", digits, v);
}

}  // namespace

BenchResult Summarize(std::string mode, int concurrency, double seconds,
                      std::vector<LatencySamples> slots,
                      std::string first_error) {
  BenchResult r;
  r.mode = std::move(mode);
  r.concurrency = concurrency;
  r.seconds = seconds;
  r.first_error = std::move(first_error);
  std::vector<int64_t> all;
  for (LatencySamples& s : slots) {
    r.errors += s.errors;
    all.insert(all.end(), s.ok_nanos.begin(), s.ok_nanos.end());
  }
  r.calls = static_cast<int64_t>(all.size());
  if (all.empty()) return r;
  std::sort(all.begin(), all.end());
  r.p50_ms = PercentileMs(all, 0.50);
  r.p90_ms = PercentileMs(all, 0.90);
  r.p99_ms = PercentileMs(all, 0.99);
  r.max_ms = static_cast<double>(all.back()) / 1e6;
  return r;
}

std::string ToJson(const BenchResult& r) {
  const double throughput =
      r.seconds > 0 ? static_cast<double>(r.calls) / r.seconds : 0;
  JsonObject json;
  json.Add("mode", r.mode)
      .Add("concurrency", static_cast<int64_t>(r.concurrency))
      .AddRaw("seconds", Fixed(r.seconds, 3))
      .Add("calls", r.calls)
      .Add("errors", r.errors)
      .AddRaw("throughput_per_s", Fixed(throughput, 1))
      .AddRaw("p50_ms", Fixed(r.p50_ms, 3))
      .AddRaw("p90_ms", Fixed(r.p90_ms, 3))
      .AddRaw("p99_ms", Fixed(r.p99_ms, 3))
      .AddRaw("max_ms", Fixed(r.max_ms, 3));
  if (!r.view.empty()) json.Add("view", r.view);
  if (r.mean_items >= 0) {
    json.AddRaw("mean_items_per_call", Fixed(r.mean_items, 2));
  }
  if (!r.first_error.empty()) json.Add("first_error", r.first_error);
  return json.Build();
}

}  // namespace foi::bench
