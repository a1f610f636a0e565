#include "libs/textsim/internal/document_sketches.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "libs/textsim/internal/hashing.h"
#include "libs/textsim/internal/parallel.h"
#include "libs/textsim/internal/sorted_sets.h"
#include "libs/textsim/internal/years.h"
#include "libs/textsim/shingles.h"

namespace foi::textsim_internal {
namespace {

// A worker's shingles until they are concatenated: each worker owns one
// contiguous slice of the documents, so no locking is needed.
struct SliceShingles {
  std::vector<uint32_t> shingles;
  std::vector<uint32_t> counts;  // per document of the slice
};

uint64_t HashSet(absl::Span<const uint64_t> shingles, uint64_t years) {
  uint64_t h = Fmix64(kFnvOffsetBasis ^ shingles.size()) ^ years;
  for (uint64_t s : shingles) h = Fmix64(h ^ s) + kGoldenGamma;
  return h;
}

}  // namespace

DocumentSketches BuildSketches(const textsim::Normalizer& normalizer,
                               const textsim::MinHasher& hasher,
                               absl::Span<const textsim::Document> documents,
                               int threads) {
  const size_t n = documents.size();
  DocumentSketches out;
  out.bands = static_cast<size_t>(hasher.params().bands);
  out.band_keys.resize(n * out.bands);
  out.set_hashes.resize(n);
  out.year_masks.resize(n);
  std::vector<SliceShingles> slices(threads);

  ParallelSlices(n, threads, [&](int worker, size_t begin, size_t end) {
    SliceShingles& slice = slices[worker];
    slice.counts.reserve(end - begin);
    for (size_t doc = begin; doc < end; ++doc) {
      const std::string normalized = normalizer.Normalize(documents[doc].text);
      const std::vector<uint64_t> shingles = textsim::Shingles(normalized);
      out.year_masks[doc] = YearMask(normalized);
      const std::vector<uint32_t> fingerprints = ToFingerprints(shingles);
      slice.shingles.insert(slice.shingles.end(), fingerprints.begin(),
                            fingerprints.end());
      slice.counts.push_back(static_cast<uint32_t>(fingerprints.size()));
      out.set_hashes[doc] = HashSet(shingles, out.year_masks[doc]);
      if (shingles.empty()) continue;  // band keys unused
      const std::vector<uint64_t> keys =
          hasher.BandKeys(hasher.Signature(shingles));
      std::copy(keys.begin(), keys.end(),
                out.band_keys.begin() + doc * out.bands);
    }
  });

  out.offsets.reserve(n + 1);
  out.offsets.push_back(0);
  size_t total = 0;
  for (const SliceShingles& slice : slices) total += slice.shingles.size();
  out.shingles.reserve(total);
  for (SliceShingles& slice : slices) {
    for (uint32_t count : slice.counts) {
      out.offsets.push_back(out.offsets.back() + count);
    }
    out.shingles.insert(out.shingles.end(), slice.shingles.begin(),
                        slice.shingles.end());
    slice = SliceShingles();  // free as we go: peak is one extra slice
  }
  return out;
}

}  // namespace foi::textsim_internal
