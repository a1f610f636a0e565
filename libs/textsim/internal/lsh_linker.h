// LinkSimilar: the candidate generation and verification half of clustering.
// Exact duplicates are joined first; then, band by band, documents sharing a
// band key are compared by exact Jaccard and joined when close enough.
//
// Thread safety: pure function of its arguments.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_LSH_LINKER_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_LSH_LINKER_H_

#include <cstddef>

#include "libs/textsim/cluster.h"
#include "libs/textsim/internal/document_sketches.h"
#include "libs/textsim/union_find.h"

namespace foi::textsim_internal {

struct LinkOptions {
  double threshold = 0.5;
  bool years_must_match = true;
  bool idf = false;  // weighted Jaccard (ShingleWeighting::kIdf)
  size_t max_bucket = 2000;
  int threads = 1;  // REQUIRES: >= 1
};

struct LinkResult {
  // Components over document indices; empty documents stay singletons.
  textsim::UnionFind components;
  // Only the linking counters are set (exact_duplicates onwards).
  textsim::ClusterStats stats;
};

// Returns the connected components of the graph whose edges are the pairs of
// non-empty documents that have identical shingle sets and years, or share a
// band key (in a bucket of at most max_bucket distinct sets), name
// compatible years (if years_must_match) and have Jaccard (IDF-weighted if
// idf) >= threshold.
// REQUIRES: sketches.size() < 2^32.
LinkResult LinkSimilar(const DocumentSketches& sketches,
                       const LinkOptions& options);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_LSH_LINKER_H_
