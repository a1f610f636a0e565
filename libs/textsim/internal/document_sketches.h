// DocumentSketches: what clustering keeps per document instead of its text -
// the shingle set as sorted 32-bit fingerprints (for exact Jaccard), the LSH
// band keys, the years it names, and a fingerprint of the whole (for exact
// duplicates).
//
// Thread safety: immutable after BuildSketches.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_DOCUMENT_SKETCHES_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_DOCUMENT_SKETCHES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "libs/textsim/cluster.h"
#include "libs/textsim/min_hasher.h"
#include "libs/textsim/normalizer.h"

namespace foi::textsim_internal {

struct DocumentSketches {
  size_t size() const { return set_hashes.size(); }
  absl::Span<const uint32_t> ShinglesOf(size_t doc) const {
    return absl::MakeConstSpan(shingles.data() + offsets[doc],
                               offsets[doc + 1] - offsets[doc]);
  }
  absl::Span<const uint64_t> BandKeysOf(size_t doc) const {
    return absl::MakeConstSpan(band_keys.data() + doc * bands, bands);
  }
  bool Empty(size_t doc) const { return offsets[doc] == offsets[doc + 1]; }

  size_t bands = 0;
  std::vector<uint64_t> offsets;     // size() + 1, into shingles
  std::vector<uint32_t> shingles;    // per document: sorted unique
  std::vector<uint64_t> band_keys;   // size() * bands
  std::vector<uint64_t> year_masks;  // YearMask of the normalised text
  // Hash of the full 64-bit shingle set and the year mask: equal for exact
  // duplicates.
  std::vector<uint64_t> set_hashes;
};

// Normalises, shingles and signs every document on `threads` threads.
// REQUIRES: threads >= 1.
DocumentSketches BuildSketches(const textsim::Normalizer& normalizer,
                               const textsim::MinHasher& hasher,
                               absl::Span<const textsim::Document> documents,
                               int threads);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_DOCUMENT_SKETCHES_H_
