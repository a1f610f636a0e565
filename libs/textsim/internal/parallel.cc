#include "libs/textsim/internal/parallel.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace foi::textsim_internal {

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void ParallelSlices(
    size_t n, int threads,
    absl::FunctionRef<void(int worker, size_t begin, size_t end)> fn) {
  threads = std::max(threads, 1);
  const auto slice_begin = [n, threads](int w) {
    return n * static_cast<size_t>(w) / static_cast<size_t>(threads);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int w = 0; w + 1 < threads; ++w) {
    pool.emplace_back(
        [&fn, w, &slice_begin] { fn(w, slice_begin(w), slice_begin(w + 1)); });
  }
  fn(threads - 1, slice_begin(threads - 1), n);
  for (std::thread& t : pool) t.join();
}

}  // namespace foi::textsim_internal
