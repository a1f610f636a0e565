// Operations on sorted, duplicate-free integer sets (shingle sets), shared by
// the public Jaccard and the compact 32-bit shingle fingerprints that
// clustering and the index keep per document.
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_SORTED_SETS_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_SORTED_SETS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace foi::textsim_internal {

// Returns |a ∩ b|. REQUIRES: a and b sorted and unique.
template <typename T>
size_t IntersectionSize(absl::Span<const T> a, absl::Span<const T> b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return common;
}

// Returns the Jaccard similarity, 0 when both are empty. REQUIRES: a and b
// sorted and unique.
template <typename T>
double JaccardOf(absl::Span<const T> a, absl::Span<const T> b) {
  if (a.empty() && b.empty()) return 0.0;
  const size_t common = IntersectionSize(a, b);
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

// Returns whether Jaccard(a, b) >= threshold, skipping the merge when the set
// sizes alone rule it out (|a ∩ b| <= min, |a ∪ b| >= max). REQUIRES: a and b
// sorted and unique.
template <typename T>
bool JaccardAtLeast(absl::Span<const T> a, absl::Span<const T> b,
                    double threshold) {
  const size_t small = std::min(a.size(), b.size());
  const size_t large = std::max(a.size(), b.size());
  if (large == 0) return false;
  if (static_cast<double>(small) < threshold * static_cast<double>(large)) {
    return false;
  }
  return JaccardOf(a, b) >= threshold;
}

// Returns the low 32 bits of each shingle, sorted and unique: the compact
// form kept per document. Shingle hashes are fmix64 outputs, so the low bits
// are as uniform as the high ones; with ~50 shingles per request a collision
// inside one set or a false match between two sets is about 1 in 10^6 per
// pair and moves a Jaccard value by about 0.02 when it happens.
std::vector<uint32_t> ToFingerprints(absl::Span<const uint64_t> shingles);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_SORTED_SETS_H_
