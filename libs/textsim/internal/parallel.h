// Runs a function over [0, n) on a few threads, for the embarrassingly
// parallel phases of clustering.
//
// Thread safety: `fn` is called concurrently and must be safe to do so.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_PARALLEL_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_PARALLEL_H_

#include <cstddef>

#include "absl/functional/function_ref.h"

namespace foi::textsim_internal {

// Returns `requested`, or the hardware concurrency when it is 0; at least 1.
int ResolveThreads(int requested);

// Calls fn(worker, begin, end) for `threads` contiguous slices of [0, n),
// worker = 0..threads-1, each on its own thread (the last on the caller's),
// and returns when all have. Slices are as equal as possible; empty slices
// are still passed. REQUIRES: threads >= 1.
void ParallelSlices(
    size_t n, int threads,
    absl::FunctionRef<void(int worker, size_t begin, size_t end)> fn);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_PARALLEL_H_
