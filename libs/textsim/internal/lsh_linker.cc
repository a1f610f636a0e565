#include "libs/textsim/internal/lsh_linker.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "libs/textsim/internal/idf_weights.h"
#include "libs/textsim/internal/parallel.h"
#include "libs/textsim/internal/sorted_sets.h"
#include "libs/textsim/internal/years.h"

namespace foi::textsim_internal {
namespace {

using textsim::ClusterStats;
using textsim::UnionFind;

using KeyedDoc = std::pair<uint64_t, uint32_t>;

bool SameSet(absl::Span<const uint32_t> a, absl::Span<const uint32_t> b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Joins documents with identical shingle sets and returns the documents that
// should enter LSH: one per distinct set.
std::vector<uint32_t> JoinExactDuplicates(const DocumentSketches& sketches,
                                          UnionFind& uf, ClusterStats& stats) {
  std::vector<KeyedDoc> by_set;
  by_set.reserve(sketches.size());
  for (uint32_t doc = 0; doc < sketches.size(); ++doc) {
    if (!sketches.Empty(doc))
      by_set.emplace_back(sketches.set_hashes[doc], doc);
  }
  std::sort(by_set.begin(), by_set.end());
  std::vector<uint32_t> representatives;
  for (size_t i = 0; i < by_set.size();) {
    size_t end = i + 1;
    while (end < by_set.size() && by_set[end].first == by_set[i].first) ++end;
    const uint32_t first = by_set[i].second;
    representatives.push_back(first);
    for (size_t k = i + 1; k < end; ++k) {
      const uint32_t doc = by_set[k].second;
      // A 64-bit collision between different sets is astronomically rare,
      // but then the document must still go through LSH on its own.
      if (SameSet(sketches.ShinglesOf(first), sketches.ShinglesOf(doc)) &&
          sketches.year_masks[first] == sketches.year_masks[doc]) {
        uf.Union(first, doc);
        ++stats.exact_duplicates;
      } else {
        representatives.push_back(doc);
      }
    }
    i = end;
  }
  std::sort(representatives.begin(), representatives.end());
  return representatives;
}

// Verifies every pair of one bucket not already known to be joined. The
// members' roots are looked up once and kept current in `roots` as the bucket
// joins them: comparing two cached integers instead of two Find walks through
// a million-entry array is what keeps buckets of hundreds of members cheap.
// `idf` is null for plain Jaccard.
void LinkBucket(const DocumentSketches& sketches, const LinkOptions& options,
                const IdfWeights* idf, absl::Span<const KeyedDoc> bucket,
                UnionFind& uf, std::vector<uint32_t>& roots,
                ClusterStats& stats) {
  roots.clear();
  for (const KeyedDoc& member : bucket) roots.push_back(uf.Find(member.second));
  for (size_t i = 0; i < bucket.size(); ++i) {
    const uint32_t a = bucket[i].second;
    const absl::Span<const uint32_t> a_set = sketches.ShinglesOf(a);
    for (size_t j = i + 1; j < bucket.size(); ++j) {
      ++stats.candidate_pairs;
      if (roots[i] == roots[j]) continue;
      const uint32_t b = bucket[j].second;
      if (options.years_must_match &&
          !YearsCompatible(sketches.year_masks[a], sketches.year_masks[b])) {
        ++stats.year_mismatches;
        continue;
      }
      ++stats.verified_pairs;
      const bool similar =
          idf == nullptr
              ? JaccardAtLeast(a_set, sketches.ShinglesOf(b), options.threshold)
              : WeightedJaccardAtLeast(a_set, idf->WeightsOf(sketches, a),
                                       idf->totals[a], sketches.ShinglesOf(b),
                                       idf->totals[b], options.threshold);
      if (!similar) continue;
      const uint32_t old_i = roots[i], old_j = roots[j];
      uf.Union(a, b);
      const uint32_t joined = uf.Find(a);
      for (uint32_t& root : roots) {
        if (root == old_i || root == old_j) root = joined;
      }
    }
  }
}

}  // namespace

LinkResult LinkSimilar(const DocumentSketches& sketches,
                       const LinkOptions& options) {
  const auto n = static_cast<uint32_t>(sketches.size());
  LinkResult result{UnionFind(n), ClusterStats()};
  const std::vector<uint32_t> representatives =
      JoinExactDuplicates(sketches, result.components, result.stats);
  IdfWeights idf;
  if (options.idf) {
    idf = ComputeIdfWeights(sketches, representatives,
                            std::max(options.threads, 1));
  }

  // Each worker takes every threads-th band with its own union-find, seeded
  // with the duplicates so it can skip pairs they already join. Components
  // are merged afterwards: the union of the workers' partitions is the
  // connected components of all their edges, whatever the order, which keeps
  // the result independent of the thread count.
  const int threads =
      std::max(1, std::min(options.threads, static_cast<int>(sketches.bands)));
  std::vector<UnionFind> worker_uf(threads, result.components);
  std::vector<ClusterStats> worker_stats(threads);
  ParallelSlices(
      static_cast<size_t>(threads), threads, [&](int worker, size_t, size_t) {
        UnionFind& uf = worker_uf[worker];
        ClusterStats& stats = worker_stats[worker];
        std::vector<KeyedDoc> entries;
        entries.reserve(representatives.size());
        std::vector<uint32_t> roots;
        for (size_t band = worker; band < sketches.bands; band += threads) {
          entries.clear();
          for (uint32_t doc : representatives) {
            entries.emplace_back(sketches.BandKeysOf(doc)[band], doc);
          }
          std::sort(entries.begin(), entries.end());
          for (size_t i = 0; i < entries.size();) {
            size_t end = i + 1;
            while (end < entries.size() &&
                   entries[end].first == entries[i].first)
              ++end;
            const size_t size = end - i;
            if (size > options.max_bucket) {
              ++stats.skipped_buckets;
              stats.skipped_bucket_documents += size;
            } else if (size >= 2) {
              LinkBucket(sketches, options, options.idf ? &idf : nullptr,
                         absl::MakeConstSpan(entries.data() + i, size), uf,
                         roots, stats);
            }
            i = end;
          }
        }
      });

  for (int w = 0; w < threads; ++w) {
    for (uint32_t doc = 0; doc < n; ++doc) {
      const uint32_t root = worker_uf[w].Find(doc);
      if (root != doc) result.components.Union(doc, root);
    }
    const ClusterStats& s = worker_stats[w];
    result.stats.candidate_pairs += s.candidate_pairs;
    result.stats.verified_pairs += s.verified_pairs;
    result.stats.year_mismatches += s.year_mismatches;
    result.stats.skipped_buckets += s.skipped_buckets;
    result.stats.skipped_bucket_documents += s.skipped_bucket_documents;
  }
  return result;
}

}  // namespace foi::textsim_internal
