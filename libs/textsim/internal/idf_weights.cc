#include "libs/textsim/internal/idf_weights.h"

#include <algorithm>
#include <cmath>

#include "libs/textsim/internal/parallel.h"

namespace foi::textsim_internal {

IdfWeights ComputeIdfWeights(const DocumentSketches& sketches,
                             absl::Span<const uint32_t> representatives,
                             int threads) {
  // Document frequencies by sorting every representative's shingles: no
  // hash table of millions of entries, and the sort parallelises.
  std::vector<uint32_t> all;
  for (uint32_t doc : representatives) {
    const auto set = sketches.ShinglesOf(doc);
    all.insert(all.end(), set.begin(), set.end());
  }
  std::vector<size_t> bounds(threads + 1);
  for (int t = 0; t <= threads; ++t) bounds[t] = all.size() * t / threads;
  ParallelSlices(static_cast<size_t>(threads), threads,
                 [&](int worker, size_t, size_t) {
                   std::sort(all.begin() + bounds[worker],
                             all.begin() + bounds[worker + 1]);
                 });
  for (int t = 1; t < threads; ++t) {
    std::inplace_merge(all.begin(), all.begin() + bounds[t],
                       all.begin() + bounds[t + 1]);
  }
  std::vector<uint32_t> unique;
  std::vector<uint32_t> counts;
  for (size_t i = 0; i < all.size();) {
    size_t end = i + 1;
    while (end < all.size() && all[end] == all[i]) ++end;
    unique.push_back(all[i]);
    counts.push_back(static_cast<uint32_t>(end - i));
    i = end;
  }
  all = std::vector<uint32_t>();

  const double n = static_cast<double>(representatives.size());
  IdfWeights out;
  out.weights.resize(sketches.shingles.size());
  out.totals.resize(sketches.size());
  ParallelSlices(sketches.size(), threads, [&](int, size_t begin, size_t end) {
    for (size_t doc = begin; doc < end; ++doc) {
      float total = 0;
      for (uint64_t i = sketches.offsets[doc]; i < sketches.offsets[doc + 1];
           ++i) {
        const uint32_t shingle = sketches.shingles[i];
        const auto it = std::lower_bound(unique.begin(), unique.end(), shingle);
        const double df = it != unique.end() && *it == shingle
                              ? counts[it - unique.begin()]
                              : 0;
        const auto w = static_cast<float>(std::log((n + 1) / (df + 1)));
        out.weights[i] = w;
        total += w;
      }
      out.totals[doc] = total;
    }
  });
  return out;
}

bool WeightedJaccardAtLeast(absl::Span<const uint32_t> a,
                            absl::Span<const float> a_weights, float a_total,
                            absl::Span<const uint32_t> b, float b_total,
                            double threshold) {
  const double small = std::min(a_total, b_total);
  const double large = std::max(a_total, b_total);
  if (large <= 0 || small < threshold * large) return false;
  double common = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      common += a_weights[i];
      ++i, ++j;
    }
  }
  return common >= threshold * (a_total + b_total - common);
}

}  // namespace foi::textsim_internal
