// IDF weights of a batch's shingles, for Cluster's ShingleWeighting::kIdf:
// how rare each bigram is among the batch's distinct texts.
//
// Thread safety: immutable after ComputeIdfWeights.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_IDF_WEIGHTS_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_IDF_WEIGHTS_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "libs/textsim/internal/document_sketches.h"

namespace foi::textsim_internal {

struct IdfWeights {
  absl::Span<const float> WeightsOf(const DocumentSketches& sketches,
                                    size_t doc) const {
    return absl::MakeConstSpan(
        weights.data() + sketches.offsets[doc],
        sketches.offsets[doc + 1] - sketches.offsets[doc]);
  }

  std::vector<float> weights;  // parallel to DocumentSketches::shingles
  std::vector<float> totals;   // per document: sum of its weights
};

// Returns w = ln((N + 1) / (df + 1)) for every shingle of every document,
// where N = representatives.size() and df counts the representatives whose
// set contains the shingle. Counting distinct texts only keeps a campaign of
// identical copies from making its own words look common. REQUIRES: every
// document's set equals some representative's (exact duplicates).
IdfWeights ComputeIdfWeights(const DocumentSketches& sketches,
                             absl::Span<const uint32_t> representatives,
                             int threads);

// Returns whether the weighted Jaccard similarity of two documents is at
// least `threshold`, skipping the merge when the totals alone rule it out.
bool WeightedJaccardAtLeast(absl::Span<const uint32_t> a,
                            absl::Span<const float> a_weights, float a_total,
                            absl::Span<const uint32_t> b, float b_total,
                            double threshold);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_IDF_WEIGHTS_H_
